{{%AUTOESCAPE context="HTML"}}
<div class="page">
<p class="breadcrumb"><a href="/admin/users">Pengguna</a></p>
<div class="page-head">
<h1>{{U_NAME}}</h1>
<p class="intro">{{U_EMAIL}} · {{U_ROLE}}{{#U_HAS_UNIT}} · {{U_UNIT}}{{/U_HAS_UNIT}} · <span class="badge {{U_STATUS_CLASS}}">{{U_STATUS}}</span></p>
</div>
{{#NOTICE}}<div class="alert" role="status"><p>{{NOTICE_TEXT}}</p></div>{{/NOTICE}}
{{#REFUSED}}<div class="alert alert-error" role="alert"><p>{{REFUSED_TEXT}}</p></div>{{/REFUSED}}
{{#LINK}}<div class="alert alert-warning" role="status" id="one-time-link">
<p><strong>{{LINK_TITLE}}</strong></p>
{{#LINK_SHOWN}}<p>Server e-mail belum diatur. Sampaikan tautan ini kepada {{U_NAME}} secara langsung (misalnya lewat pesan pribadi); tautan tidak akan ditampilkan lagi:</p>
<p><a class="one-time-link" href="{{LINK_URL}}">{{LINK_URL}}</a></p>{{/LINK_SHOWN}}
{{#LINK_MAILED}}<p>Tautan sekali pakai dikirim ke {{U_EMAIL}} lewat kotak keluar e-mail.</p>{{/LINK_MAILED}}
<p>Tautan hanya berlaku satu kali, sampai {{LINK_EXPIRES}}.</p>
</div>{{/LINK}}
<dl class="facts">
<div><dt>Dibuat</dt><dd>{{U_CREATED}}</dd></div>
<div><dt>Kata sandi</dt><dd>{{U_PASSWORD}}</dd></div>
<div><dt>Sesi aktif</dt><dd>{{U_SESSIONS}}{{#U_SEEN_SECTION}} (terakhir aktif {{U_SEEN}}){{/U_SEEN_SECTION}}</dd></div>
</dl>

<h2 class="section-title">Ubah data</h2>
{{#ERRORS}}<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">Ada {{ERROR_COUNT}} isian yang perlu diperbaiki</h2>
<ul>
{{#ERROR_ITEM}}<li><a href="#f-{{FIELD}}">{{MESSAGE}}</a></li>
{{/ERROR_ITEM}}</ul>
</div>{{/ERRORS}}
<form class="form panel" method="post" action="/admin/users/{{U_ID}}">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
{{>FIELDS}}
<div class="form-actions">
<button type="submit" class="btn btn-primary">Simpan perubahan</button>
</div>
</form>

<h2 class="section-title">Akses</h2>
<div class="panel">
<form method="post" action="/admin/users/{{U_ID}}/reset" class="form-actions">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<button type="submit" class="btn btn-secondary">{{RESET_LABEL}}</button>
<span class="hint">Membuat tautan sekali pakai baru (72 jam) dan membatalkan tautan sebelumnya. Kata sandi lama tetap berlaku sampai tautan dipakai; setelah itu semua sesi pengguna berakhir.</span>
</form>
{{#CAN_DEACTIVATE}}<form method="post" action="/admin/users/{{U_ID}}/deactivate" class="form-actions">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<button type="submit" class="btn btn-danger">Nonaktifkan pengguna</button>
<span class="hint">Semua sesinya langsung berakhir dan ia tidak dapat masuk lagi. Permintaan dan riwayatnya tetap tersimpan.</span>
</form>{{/CAN_DEACTIVATE}}
{{#CAN_ACTIVATE}}<form method="post" action="/admin/users/{{U_ID}}/activate" class="form-actions">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<button type="submit" class="btn btn-primary">Aktifkan kembali</button>
</form>{{/CAN_ACTIVATE}}
{{#SELF}}<p class="hint">Ini akun Anda sendiri: Anda tidak dapat menonaktifkannya atau menurunkan peran Anda. Ganti kata sandi Anda di <a href="/account/password">Akun → Kata sandi</a>.</p>{{/SELF}}
</div>

{{>HISTORY}}
</div>
