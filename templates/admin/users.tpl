{{%AUTOESCAPE context="HTML"}}
<div class="page page-wide">
<div class="page-head page-head-split">
<div>
<h1>Pengguna</h1>
<p class="intro">Kontributor unit, editor humas dan admin. Pengguna nonaktif tidak dapat masuk; riwayatnya tetap tersimpan.</p>
</div>
<p class="page-head-action"><a class="btn btn-primary" href="/admin/users/new">Tambah pengguna</a> <a class="btn btn-secondary" href="/admin/units">Kelola unit</a></p>
</div>
<form class="filter-form" method="get" action="/admin/users" role="search" aria-label="Saring pengguna">
<div class="field">
<label for="u-q">Nama atau e-mail</label>
<input type="search" id="u-q" name="q" value="{{F_Q}}" maxlength="100" autocomplete="off">
</div>
<div class="field">
<label for="u-role">Peran</label>
<select id="u-role" name="role">
<option value="">Semua</option>
{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}</select>
</div>
<div class="field">
<label for="u-unit">Unit</label>
<select id="u-unit" name="unit">
<option value="">Semua</option>
{{#UNIT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/UNIT_OPTION}}</select>
</div>
<div class="field">
<label for="u-status">Status</label>
<select id="u-status" name="status">
{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTION}}</select>
</div>
<div class="filter-actions">
<button type="submit" class="btn btn-secondary">Terapkan</button>
<a class="filter-reset" href="/admin/users">Hapus saringan</a>
</div>
</form>
{{#PROBLEM}}<div class="alert alert-error" role="alert"><p>{{MESSAGE}}</p></div>{{/PROBLEM}}
<p class="result-count" role="status">{{TOTAL}} pengguna</p>
<div class="table-wrap">
<table class="table users-table">
<caption class="visually-hidden">Pengguna: nama, e-mail, peran, unit, status dan aktivitas terakhir</caption>
<thead>
<tr>
<th scope="col">Nama</th>
<th scope="col">E-mail</th>
<th scope="col">Peran</th>
<th scope="col">Unit</th>
<th scope="col">Status</th>
<th scope="col">Terakhir aktif</th>
</tr>
</thead>
<tbody>
{{#ROW}}<tr id="user-{{U_ID}}">
<th scope="row"><a href="/admin/users/{{U_ID}}">{{U_NAME}}</a></th>
<td data-label="E-mail">{{U_EMAIL}}</td>
<td data-label="Peran">{{U_ROLE}}</td>
<td data-label="Unit">{{U_UNIT}}</td>
<td data-label="Status"><span class="badge {{U_STATUS_CLASS}}">{{U_STATUS}}</span></td>
<td data-label="Terakhir aktif">{{U_SEEN}}</td>
</tr>
{{/ROW}}{{#EMPTY}}<tr class="row-empty"><td colspan="6">Tidak ada pengguna dengan saringan ini.</td></tr>{{/EMPTY}}
</tbody>
</table>
</div>
{{#PAGER}}<nav class="pager" aria-label="Halaman pengguna">
{{#PREV}}<a class="pager-link pager-prev" href="/admin/users?q={{F_Q:u}}&amp;role={{F_ROLE:u}}&amp;unit={{F_UNIT:u}}&amp;status={{F_STATUS:u}}&amp;page={{PREV_PAGE:u}}" rel="prev">← Sebelumnya</a>{{/PREV}}
<span class="pager-status">Halaman {{PAGE}} dari {{PAGES}}</span>
{{#NEXT}}<a class="pager-link pager-next" href="/admin/users?q={{F_Q:u}}&amp;role={{F_ROLE:u}}&amp;unit={{F_UNIT:u}}&amp;status={{F_STATUS:u}}&amp;page={{NEXT_PAGE:u}}" rel="next">Berikutnya →</a>{{/NEXT}}
</nav>{{/PAGER}}
</div>
