{{%AUTOESCAPE context="HTML"}}
<div class="page page-wide">
<div class="page-head page-head-split">
<div>
<h1>{{HEADING}}</h1>
{{#CONTRIBUTOR}}<p class="intro">Unit: <strong>{{UNIT_NAME}}</strong>. Permintaan publikasi yang dibuat unit Anda dan statusnya di Humas.</p>{{/CONTRIBUTOR}}
{{#STAFF}}<p class="intro">Permintaan publikasi dari perangkat daerah. Ambil permintaan yang diajukan untuk ditinjau.</p>{{/STAFF}}
</div>
{{#CONTRIBUTOR}}<p class="page-head-action"><a class="btn btn-primary" href="/requests/new">Buat permintaan</a></p>{{/CONTRIBUTOR}}
</div>
<form class="filter-form" method="get" action="/requests" role="search" aria-label="Saring permintaan">
<div class="field">
<label for="filter-status">Status</label>
<select id="filter-status" name="status">
{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTION}}</select>
</div>
{{#STAFF}}<div class="field">
<label for="filter-unit">Unit</label>
<input type="text" id="filter-unit" name="unit" value="{{UNIT_FILTER}}" placeholder="Kode unit, mis. DINKES" autocapitalize="characters" spellcheck="false">
</div>{{/STAFF}}
<div class="filter-actions">
<button type="submit" class="btn btn-secondary">Terapkan</button>
</div>
</form>
<p class="result-count" role="status">{{TOTAL}} permintaan</p>
<div class="table-wrap">
<table class="table requests-table{{#CONTRIBUTOR}} own-unit{{/CONTRIBUTOR}}">
<caption class="visually-hidden">{{HEADING}}: judul, jenis, unit, status dan waktu</caption>
<thead>
<tr>
<th scope="col">Judul</th>
<th scope="col">Jenis</th>
<th scope="col" class="col-unit">Unit</th>
<th scope="col">Status</th>
<th scope="col">Diajukan</th>
<th scope="col">Menunggu</th>
<th scope="col">Peninjau</th>
<th scope="col">Diperbarui</th>
</tr>
</thead>
<tbody>
{{#ROW}}<tr>
<th scope="row" class="cell-title">{{#ROW_URGENT}}<span class="badge badge-urgent">Mendesak · acara &lt; 48 jam</span> {{/ROW_URGENT}}<a href="/requests/{{ID}}">{{ROW_TITLE}}</a></th>
<td data-label="Jenis">{{ROW_KIND}}</td>
<td data-label="Unit" class="col-unit"><abbr title="{{ROW_UNIT}}">{{ROW_UNIT_CODE}}</abbr></td>
<td data-label="Status"><span class="badge state-{{ROW_STATE}}">{{ROW_STATE_LABEL}}</span></td>
<td data-label="Diajukan">{{ROW_SUBMITTED}}</td>
<td data-label="Menunggu">{{ROW_AGE}}</td>
<td data-label="Peninjau">{{ROW_ASSIGNED}}</td>
<td data-label="Diperbarui">{{ROW_UPDATED}}</td>
</tr>
{{/ROW}}{{#EMPTY}}<tr class="row-empty"><td colspan="8">Tidak ada permintaan dengan saringan ini.</td></tr>{{/EMPTY}}
</tbody>
</table>
</div>
{{#PAGER}}<nav class="pager" aria-label="Halaman daftar permintaan">
{{#PREV}}<a class="pager-link pager-prev" href="/requests?status={{STATUS_Q:u}}&amp;unit={{UNIT_Q:u}}&amp;page={{PREV_PAGE:u}}" rel="prev">← Sebelumnya</a>{{/PREV}}
<span class="pager-status">Halaman {{PAGE}} dari {{PAGES}}</span>
{{#NEXT}}<a class="pager-link pager-next" href="/requests?status={{STATUS_Q:u}}&amp;unit={{UNIT_Q:u}}&amp;page={{NEXT_PAGE:u}}" rel="next">Berikutnya →</a>{{/NEXT}}
</nav>{{/PAGER}}
</div>
