{{%AUTOESCAPE context="HTML"}}
<div class="page page-narrow">
<div class="panel login-panel">
<h1>Masuk</h1>
<p class="intro">Khusus petugas perangkat daerah dan Humas Diskominfotik. Gunakan akun dinas Anda.</p>
{{#PASSWORD_SET}}<div class="alert" role="status"><p>Kata sandi Anda tersimpan. Silakan masuk dengan kata sandi baru.</p></div>{{/PASSWORD_SET}}
{{#ERROR}}<div class="alert alert-error" id="login-error" role="alert"><p>{{ERROR_MESSAGE}}</p></div>{{/ERROR}}
<form class="form" method="post" action="/login">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
<div class="field">
<label for="email">Alamat e-mail</label>
<input type="email" id="email" name="email" value="{{EMAIL}}" autocomplete="username" spellcheck="false" maxlength="254" required{{#ERROR}} aria-invalid="true" aria-describedby="login-error"{{/ERROR}}>
</div>
<div class="field">
<label for="password">Kata sandi</label>
<input type="password" id="password" name="password" autocomplete="current-password" maxlength="1024" required{{#ERROR}} aria-invalid="true" aria-describedby="login-error"{{/ERROR}}>
</div>
<div class="form-actions">
<button type="submit" class="btn btn-primary">Masuk</button>
</div>
</form>
<p class="small muted">Lupa kata sandi atau akun terkunci? Hubungi admin Humas Diskominfotik.</p>
</div>
</div>
