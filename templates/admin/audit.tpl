{{%AUTOESCAPE context="HTML"}}
<div class="page page-wide">
<div class="page-head">
<h1>Log audit</h1>
<p class="intro">Catatan setiap pembuatan, perubahan, tindakan alur kerja, komentar dan upaya masuk, dengan pelaku, waktu dan alamat. Entri tidak dapat diubah atau dihapus. Terbaru di atas.</p>
</div>
<form class="filter-form audit-filter" method="get" action="/admin/audit" role="search" aria-label="Saring log audit">
<div class="field">
<label for="audit-actor">Pelaku</label>
<input type="text" id="audit-actor" name="actor" value="{{F_ACTOR}}" placeholder="E-mail atau nomor pengguna" autocomplete="off" spellcheck="false">
</div>
<div class="field">
<label for="audit-action">Tindakan</label>
<input type="text" id="audit-action" name="action" value="{{F_ACTION}}" list="audit-actions" placeholder="mis. approve" autocomplete="off" spellcheck="false">
<datalist id="audit-actions">
{{#ACTION_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>
{{/ACTION_OPTION}}</datalist>
</div>
<div class="field">
<label for="audit-object-type">Jenis objek</label>
<input type="text" id="audit-object-type" name="object_type" value="{{F_OBJECT_TYPE}}" list="audit-object-types" placeholder="mis. request" autocomplete="off" spellcheck="false">
<datalist id="audit-object-types">
<option value="request">Permintaan publikasi</option>
<option value="user">Pengguna</option>
<option value="unit">Unit</option>
</datalist>
</div>
<div class="field">
<label for="audit-object-id">Nomor objek</label>
<input type="text" id="audit-object-id" name="object_id" value="{{F_OBJECT_ID}}" inputmode="numeric" autocomplete="off">
</div>
<div class="field">
<label for="audit-from">Dari tanggal</label>
<input type="date" id="audit-from" name="from" value="{{F_FROM}}">
</div>
<div class="field">
<label for="audit-to">Sampai tanggal</label>
<input type="date" id="audit-to" name="to" value="{{F_TO}}">
</div>
<div class="filter-actions">
<button type="submit" class="btn btn-secondary">Terapkan</button>
<a class="filter-reset" href="/admin/audit">Hapus saringan</a>
</div>
</form>
{{#PROBLEM}}<div class="alert alert-error" role="alert">
<p><strong>Saringan tidak dapat dipakai.</strong> {{MESSAGE}}</p>
</div>{{/PROBLEM}}
{{#RESULTS}}<p class="result-count" role="status">{{SHOWN}} entri{{#CONTINUED}}, lanjutan dari halaman sebelumnya{{/CONTINUED}}</p>
<div class="table-wrap">
<table class="table audit-table audit-log">
<caption class="visually-hidden">Log audit: waktu, pelaku, tindakan, objek, keterangan dan alamat</caption>
<thead>
<tr>
<th scope="col">Waktu</th>
<th scope="col">Pelaku</th>
<th scope="col">Tindakan</th>
<th scope="col">Objek</th>
<th scope="col">Keterangan</th>
<th scope="col">Alamat</th>
</tr>
</thead>
<tbody>
{{#ENTRY}}<tr id="audit-{{A_ID}}">
<td data-label="Waktu" class="cell-date"><time datetime="{{A_AT_ISO}}">{{A_AT}}</time></td>
<td data-label="Pelaku"><span class="audit-actor">{{A_ACTOR}}</span>{{#A_HAS_EMAIL}}<span class="audit-email">{{A_ACTOR_EMAIL}}</span>{{/A_HAS_EMAIL}}</td>
<td data-label="Tindakan">{{A_ACTION_LABEL}} <code class="audit-code">{{A_ACTION}}</code></td>
<td data-label="Objek" class="cell-object">{{A_OBJECT_TYPE}}{{#A_OBJECT_LINK}} <a href="/requests/{{A_OBJECT_ID}}">#{{A_OBJECT_ID}}</a>{{/A_OBJECT_LINK}}{{#A_OBJECT_ID_CELL}} #{{A_OBJECT_ID}}{{/A_OBJECT_ID_CELL}}</td>
<td data-label="Keterangan" class="cell-detail">{{A_DETAIL}}</td>
{{#A_CLIENT_CELL}}<td data-label="Alamat" class="cell-client"><span class="client-addr">{{A_CLIENT}}</span></td>{{/A_CLIENT_CELL}}
</tr>
{{/ENTRY}}{{#NONE}}<tr class="row-empty"><td colspan="6">Tidak ada entri dengan saringan ini.</td></tr>{{/NONE}}
</tbody>
</table>
</div>
{{#PAGER}}<nav class="pager" aria-label="Halaman log audit">
{{#FIRST}}<a class="pager-link pager-prev" href="/admin/audit?actor={{F_ACTOR:u}}&amp;action={{F_ACTION:u}}&amp;object_type={{F_OBJECT_TYPE:u}}&amp;object_id={{F_OBJECT_ID:u}}&amp;from={{F_FROM:u}}&amp;to={{F_TO:u}}&amp;limit={{F_LIMIT:u}}">← Terbaru</a>{{/FIRST}}
{{#NEXT}}<a class="pager-link pager-next" href="/admin/audit?actor={{F_ACTOR:u}}&amp;action={{F_ACTION:u}}&amp;object_type={{F_OBJECT_TYPE:u}}&amp;object_id={{F_OBJECT_ID:u}}&amp;from={{F_FROM:u}}&amp;to={{F_TO:u}}&amp;limit={{F_LIMIT:u}}&amp;after={{NEXT_AFTER:u}}" rel="next">Lebih lama →</a>{{/NEXT}}
</nav>{{/PAGER}}{{/RESULTS}}
</div>
