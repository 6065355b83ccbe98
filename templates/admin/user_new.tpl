{{%AUTOESCAPE context="HTML"}}
<div class="page page-narrow">
<p class="breadcrumb"><a href="/admin/users">Pengguna</a></p>
<div class="page-head">
<h1>Tambah pengguna</h1>
<p class="intro">Pengguna baru menerima tautan sekali pakai untuk membuat kata sandinya sendiri{{#HAS_SMTP}} lewat e-mail{{/HAS_SMTP}}{{#NO_SMTP}}. Server e-mail belum diatur, jadi tautan ditampilkan di sini setelah pengguna dibuat: sampaikan kepada pengguna secara langsung{{/NO_SMTP}}. Tautan berlaku 72 jam.</p>
</div>
{{#ERRORS}}<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">Ada {{ERROR_COUNT}} isian yang perlu diperbaiki</h2>
<ul>
{{#ERROR_ITEM}}<li><a href="#f-{{FIELD}}">{{MESSAGE}}</a></li>
{{/ERROR_ITEM}}</ul>
</div>{{/ERRORS}}
<form class="form panel" method="post" action="/admin/users">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<div class="field{{#EMAIL_ERROR}} has-error{{/EMAIL_ERROR}}">
<label for="f-email">Alamat e-mail <span class="req">(wajib)</span></label>
{{#EMAIL_ERROR}}<p class="field-error" id="err-email">{{MESSAGE}}</p>{{/EMAIL_ERROR}}
<input type="email" id="f-email" name="email" value="{{EMAIL_VALUE}}" maxlength="254" autocomplete="off" spellcheck="false" required{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="err-email"{{/EMAIL_ERROR}}>
</div>
{{>FIELDS}}
<div class="form-actions">
<button type="submit" class="btn btn-primary">Buat pengguna dan tautan</button>
<a href="/admin/users">Batal</a>
</div>
</form>
</div>
