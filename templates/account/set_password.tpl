{{%AUTOESCAPE context="HTML"}}
<div class="page page-narrow">
<div class="panel login-panel">
{{#OPEN}}<h1>{{HEADING}}</h1>
<p class="intro">Akun: <strong>{{USER_EMAIL}}</strong> ({{USER_NAME}}). Tautan ini berlaku satu kali, sampai {{EXPIRES}}.</p>
{{#PROBLEM}}<div class="alert alert-error" role="alert"><p>{{MESSAGE}}</p></div>{{/PROBLEM}}
<form class="form" method="post" action="/set-password">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<input type="hidden" name="token" value="{{TOKEN}}">
<input type="text" name="username" value="{{USER_EMAIL}}" autocomplete="username" hidden readonly>
{{>NEW_PASSWORD}}
<div class="form-actions">
<button type="submit" class="btn btn-primary">Simpan kata sandi</button>
</div>
</form>{{/OPEN}}
{{#CLOSED}}<h1>Tautan tidak berlaku</h1>
<div class="alert alert-error" role="alert"><p>{{MESSAGE}}</p></div>
<p>Minta tautan baru kepada admin Humas Diskominfotik. Bila Anda sudah mengatur kata sandi, langsung <a href="/login">masuk</a>.</p>{{/CLOSED}}
</div>
</div>
