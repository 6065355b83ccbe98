{{%AUTOESCAPE context="HTML"}}
<div class="page page-wide">
<div class="page-head page-head-split">
<div>
<h1>Unit</h1>
<p class="intro">Perangkat daerah (SKPD dan UKPD) yang mengajukan siaran. Unit nonaktif tetap menyimpan riwayat dan halaman publiknya, tetapi tidak dapat dipilih untuk pengguna atau permintaan baru.</p>
</div>
<p class="page-head-action"><a class="btn btn-secondary" href="/admin/users">Kelola pengguna</a></p>
</div>
<h2 class="section-title">Tambah unit</h2>
{{#ERRORS}}<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">Ada {{ERROR_COUNT}} isian yang perlu diperbaiki</h2>
<ul>
{{#ERROR_ITEM}}<li><a href="#f-{{FIELD}}">{{MESSAGE}}</a></li>
{{/ERROR_ITEM}}</ul>
</div>{{/ERRORS}}
<form class="form panel" method="post" action="/admin/units">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<div class="field-row">
<div class="field{{#CODE_ERROR}} has-error{{/CODE_ERROR}}">
<label for="f-code">Kode <span class="req">(wajib)</span></label>
{{#CODE_ERROR}}<p class="field-error" id="err-code">{{MESSAGE}}</p>{{/CODE_ERROR}}
<input type="text" id="f-code" name="code" value="{{CODE_VALUE}}" maxlength="24" autocomplete="off" autocapitalize="characters" spellcheck="false" required aria-describedby="hint-code{{#CODE_ERROR}} err-code{{/CODE_ERROR}}"{{#CODE_ERROR}} aria-invalid="true"{{/CODE_ERROR}}>
<p class="hint" id="hint-code">Huruf besar, angka dan garis bawah, misalnya SUDINKES_JP. Kode muncul di alamat dan nomor siaran dan tidak dapat diubah kemudian.</p>
</div>
{{>FIELDS}}
</div>
<div class="form-actions">
<button type="submit" class="btn btn-primary">Tambah unit</button>
</div>
</form>
<h2 class="section-title">Semua unit</h2>
<p class="result-count" role="status">{{TOTAL}} unit, {{ACTIVE}} aktif</p>
<div class="table-wrap">
<table class="table units-table">
<caption class="visually-hidden">Unit: kode, nama, jenis, induk, status, pengguna, permintaan dan siaran terbit</caption>
<thead>
<tr>
<th scope="col">Nama</th>
<th scope="col">Kode</th>
<th scope="col">Jenis</th>
<th scope="col">Induk</th>
<th scope="col">Status</th>
<th scope="col">Pengguna aktif</th>
<th scope="col">Permintaan</th>
<th scope="col">Terbit</th>
</tr>
</thead>
<tbody>
{{#ROW}}<tr id="unit-{{N_CODE}}">
<th scope="row"><a href="/admin/units/{{N_ID}}">{{N_NAME}}</a></th>
<td data-label="Kode"><code>{{N_CODE}}</code></td>
<td data-label="Jenis">{{N_KIND}}</td>
<td data-label="Induk">{{N_PARENT}}</td>
<td data-label="Status"><span class="badge {{N_STATUS_CLASS}}">{{N_STATUS}}</span></td>
<td data-label="Pengguna aktif">{{N_USERS}}</td>
<td data-label="Permintaan">{{N_REQUESTS}}</td>
<td data-label="Terbit">{{N_PUBLISHED}}</td>
</tr>
{{/ROW}}</tbody>
</table>
</div>
</div>
