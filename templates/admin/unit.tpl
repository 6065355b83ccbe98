{{%AUTOESCAPE context="HTML"}}
<div class="page">
<p class="breadcrumb"><a href="/admin/units">Unit</a></p>
<div class="page-head">
<h1>{{N_NAME}}</h1>
<p class="intro"><code>{{N_CODE}}</code> · {{N_KIND}} · <span class="badge {{N_STATUS_CLASS}}">{{N_STATUS}}</span>{{#MERGED}} · digabungkan ke <a href="/admin/units/{{MERGED_ID}}">{{MERGED_CODE}}</a>{{/MERGED}} · <a href="/units/{{N_CODE:u}}">halaman publik</a></p>
</div>
{{#NOTICE}}<div class="alert" role="status"><p>{{NOTICE_TEXT}}</p></div>{{/NOTICE}}
{{#REFUSED}}<div class="alert alert-error" role="alert"><p>{{REFUSED_TEXT}}</p></div>{{/REFUSED}}
<dl class="facts">
<div><dt>Pengguna</dt><dd>{{N_ACTIVE_USERS}} aktif dari {{N_USERS}}</dd></div>
<div><dt>Permintaan</dt><dd>{{N_REQUESTS}}</dd></div>
<div><dt>Siaran terbit</dt><dd>{{N_PUBLISHED}}</dd></div>
</dl>
{{#EDITABLE}}<h2 class="section-title">Ubah nama dan susunan</h2>
{{#ERRORS}}<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">Ada {{ERROR_COUNT}} isian yang perlu diperbaiki</h2>
<ul>
{{#ERROR_ITEM}}<li><a href="#f-{{FIELD}}">{{MESSAGE}}</a></li>
{{/ERROR_ITEM}}</ul>
</div>{{/ERRORS}}
<form class="form panel" method="post" action="/admin/units/{{N_ID}}">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
{{>FIELDS}}
<p class="hint">Nama baru langsung tampil di halaman publik, umpan dan pencarian. Nomor siaran yang sudah terbit tidak berubah.</p>
<div class="form-actions">
<button type="submit" class="btn btn-primary">Simpan perubahan</button>
</div>
</form>

<h2 class="section-title">Status</h2>
<div class="panel">
{{#CAN_DEACTIVATE}}<form method="post" action="/admin/units/{{N_ID}}/deactivate" class="form-actions">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<button type="submit" class="btn btn-danger">Nonaktifkan unit</button>
<span class="hint">Hanya bila tidak ada lagi pengguna aktif di unit ini. Riwayat dan halaman publiknya tetap ada.</span>
</form>{{/CAN_DEACTIVATE}}
{{#CAN_ACTIVATE}}<form method="post" action="/admin/units/{{N_ID}}/activate" class="form-actions">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<button type="submit" class="btn btn-primary">Aktifkan kembali</button>
</form>{{/CAN_ACTIVATE}}
</div>

<h2 class="section-title">Gabungkan ke unit lain</h2>
<form class="form panel" method="post" action="/admin/units/{{N_ID}}/merge">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<div class="field">
<label for="f-target">Unit tujuan</label>
<select id="f-target" name="target" required aria-describedby="hint-target">
<option value="">— pilih unit aktif —</option>
{{#TARGET_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TARGET_OPTION}}</select>
<p class="hint" id="hint-target">Semua permintaan ({{N_REQUESTS}}) dan pengguna ({{N_USERS}}) unit ini pindah ke unit tujuan dalam satu langkah, lalu unit ini dinonaktifkan. Nomor dan alamat siaran yang sudah terbit tidak berubah; alamat publik unit ini akan mengarah ke unit tujuan. Langkah ini tidak dapat dibatalkan.</p>
</div>
<div class="form-actions">
<button type="submit" class="btn btn-danger">Gabungkan</button>
</div>
</form>{{/EDITABLE}}

{{>HISTORY}}
</div>
