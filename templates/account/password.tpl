{{%AUTOESCAPE context="HTML"}}
<div class="page page-narrow">
<p class="breadcrumb"><a href="/account/sessions">Akun</a></p>
<div class="panel">
<h1>Ganti kata sandi</h1>
<p class="intro">Setelah kata sandi diganti, semua sesi Anda yang lain (di perangkat lain) berakhir; sesi ini tetap masuk.</p>
{{#PROBLEM}}<div class="alert alert-error" role="alert"><p>{{MESSAGE}}</p></div>{{/PROBLEM}}
<form class="form" method="post" action="/account/password">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<input type="text" name="username" value="{{USER_EMAIL}}" autocomplete="username" hidden readonly>
<div class="field{{#CURRENT_PASSWORD_ERROR}} has-error{{/CURRENT_PASSWORD_ERROR}}">
<label for="f-current_password">Kata sandi saat ini</label>
{{#CURRENT_PASSWORD_ERROR}}<p class="field-error" id="err-current_password">{{MESSAGE}}</p>{{/CURRENT_PASSWORD_ERROR}}
<input type="password" id="f-current_password" name="current_password" autocomplete="current-password" maxlength="1024" required{{#CURRENT_PASSWORD_ERROR}} aria-invalid="true" aria-describedby="err-current_password"{{/CURRENT_PASSWORD_ERROR}}>
</div>
{{>NEW_PASSWORD}}
<div class="form-actions">
<button type="submit" class="btn btn-primary">Simpan kata sandi baru</button>
</div>
</form>
</div>
</div>
