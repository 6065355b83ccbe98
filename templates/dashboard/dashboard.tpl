{{%AUTOESCAPE context="HTML"}}
<div class="page page-wide dashboard">
<div class="page-head">
<h1>{{HEADING}}</h1>
<p class="intro">{{SCOPE}}{{#PERIOD_OK}} · <strong>{{PERIOD_LABEL}}</strong> ({{PERIOD_DAYS}} hari, WIB){{/PERIOD_OK}}</p>
{{#ALL_UNITS_LINK}}<p class="dash-back"><a href="{{BASE}}?from={{FROM:u}}&amp;to={{TO:u}}">← Semua perangkat daerah</a></p>{{/ALL_UNITS_LINK}}
</div>
{{#ERRORS}}<div class="error-summary" role="alert" tabindex="-1">
<h2>Periode tidak dapat dipakai</h2>
<ul>
{{#ERROR}}<li><a href="#{{FIELD_ID}}">{{MESSAGE}}</a></li>
{{/ERROR}}</ul>
</div>{{/ERRORS}}
<section class="dash-period" aria-labelledby="period-title">
<h2 id="period-title" class="visually-hidden">Periode</h2>
<nav class="period-presets" aria-label="Periode cepat">
<ul>
{{#PRESET}}<li><a class="preset{{#CURRENT}} preset-current{{/CURRENT}}" href="{{BASE}}?period={{VALUE:u}}{{#UNIT_Q}}&amp;unit={{UNIT:u}}{{/UNIT_Q}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}>{{LABEL}}</a></li>
{{/PRESET}}</ul>
</nav>
<form class="filter-form period-form" method="get" action="{{BASE}}" aria-label="Periode pilihan sendiri">
<input type="hidden" name="period" value="custom">
{{#UNIT_Q}}<input type="hidden" name="unit" value="{{UNIT}}">{{/UNIT_Q}}
<div class="field{{#FROM_ERROR}} has-error{{/FROM_ERROR}}">
<label for="period-from">Dari tanggal</label>
{{#FROM_ERROR}}<p class="field-error" id="period-from-error">{{MESSAGE}}</p>{{/FROM_ERROR}}
<input type="date" id="period-from" name="from" value="{{FROM}}"{{#FROM_ERROR}} aria-invalid="true" aria-describedby="period-from-error"{{/FROM_ERROR}}>
</div>
<div class="field{{#TO_ERROR}} has-error{{/TO_ERROR}}">
<label for="period-to">Sampai tanggal</label>
{{#TO_ERROR}}<p class="field-error" id="period-to-error">{{MESSAGE}}</p>{{/TO_ERROR}}
<input type="date" id="period-to" name="to" value="{{TO}}"{{#TO_ERROR}} aria-invalid="true" aria-describedby="period-to-error"{{/TO_ERROR}}>
</div>
<div class="filter-actions">
<button type="submit" class="btn btn-secondary">Tampilkan</button>
</div>
{{#PERIOD_ERROR}}<p class="field-error" id="period-preset">{{MESSAGE}}</p>{{/PERIOD_ERROR}}
</form>
</section>
{{#FIGURES}}
<section aria-labelledby="summary-title">
<h2 id="summary-title" class="section-title">Ringkasan</h2>
<dl class="stat-grid">
<div class="stat"><dt>Diajukan</dt><dd id="stat-submitted">{{SUBMITTED}}</dd></div>
<div class="stat"><dt>Terbit</dt><dd id="stat-published">{{PUBLISHED}}</dd></div>
<div class="stat"><dt>Ditolak</dt><dd id="stat-rejected">{{REJECTED}}</dd></div>
<div class="stat"><dt>Median waktu hingga terbit</dt><dd id="stat-median">{{MEDIAN}}</dd></div>
<div class="stat"><dt>Persentil ke-90 waktu hingga terbit</dt><dd id="stat-p90">{{P90}}</dd></div>
<div class="stat"><dt>Antrean tinjauan sekarang</dt><dd id="stat-queue">{{QUEUE_N}}{{#OLDEST}} <span class="stat-note">terlama {{OLDEST_AGE}}</span>{{/OLDEST}}</dd></div>
</dl>
<p class="dash-note">Diajukan: permintaan yang pertama kali diajukan dalam periode ini (pengajuan ulang setelah perbaikan tidak dihitung lagi). Terbit: permintaan yang terbit dalam periode ini, termasuk yang kemudian ditarik. Waktu hingga terbit: dari pengajuan pertama sampai terbit, termasuk waktu perbaikan oleh unit. Median dan persentil ke-90 dihitung dengan interpolasi linear antara dua peringkat terdekat (seperti PERCENTILE.INC di spreadsheet): dari n nilai terurut, posisi (n − 1) × p.</p>
<p class="csv-link"><a href="{{CSV_BASE}}/ringkasan.csv?from={{FROM:u}}&amp;to={{TO:u}}{{#UNIT_Q}}&amp;unit={{UNIT:u}}{{/UNIT_Q}}" download>Unduh ringkasan (CSV)</a></p>
</section>

<section aria-labelledby="units-title">
<h2 id="units-title" class="section-title">Per perangkat daerah</h2>
{{#UNITS_CHART}}{{>CHART_UNITS}}{{#UNITS_CUT}}<p class="dash-note">Grafik menampilkan {{SHOWN}} unit dengan publikasi terbanyak; semua {{ALL}} unit ada di tabel.</p>{{/UNITS_CUT}}{{/UNITS_CHART}}
<div class="table-wrap">
<table class="table dash-table" id="table-units">
<caption class="visually-hidden">Per perangkat daerah: diajukan, terbit, ditolak, median dan persentil ke-90 waktu hingga terbit</caption>
<thead>
<tr><th scope="col">Unit</th><th scope="col" class="num">Diajukan</th><th scope="col" class="num">Terbit</th><th scope="col" class="num">Ditolak</th><th scope="col" class="num">Median</th><th scope="col" class="num">Persentil ke-90</th></tr>
</thead>
<tbody>
{{#UNIT}}<tr>
<th scope="row">{{#UNIT_LINK}}<a href="{{BASE}}?from={{FROM:u}}&amp;to={{TO:u}}&amp;unit={{CODE:u}}">{{NAME}}</a>{{/UNIT_LINK}}{{#UNIT_PLAIN}}{{NAME}}{{/UNIT_PLAIN}} <span class="unit-code">{{CODE}}</span></th>
<td data-label="Diajukan" class="num">{{SUBMITTED}}</td>
<td data-label="Terbit" class="num">{{PUBLISHED}}</td>
<td data-label="Ditolak" class="num">{{REJECTED}}</td>
<td data-label="Median" class="num">{{MEDIAN}}</td>
<td data-label="Persentil ke-90" class="num">{{P90}}</td>
</tr>
{{/UNIT}}{{#NO_UNITS}}<tr class="row-empty"><td colspan="6">Tidak ada pengajuan, publikasi atau penolakan dalam periode ini.</td></tr>{{/NO_UNITS}}
</tbody>
</table>
</div>
<p class="csv-link"><a href="{{CSV_BASE}}/unit.csv?from={{FROM:u}}&amp;to={{TO:u}}{{#UNIT_Q}}&amp;unit={{UNIT:u}}{{/UNIT_Q}}" download>Unduh tabel per perangkat daerah (CSV)</a></p>
</section>

<section aria-labelledby="weekly-title">
<h2 id="weekly-title" class="section-title">Publikasi per minggu</h2>
{{>CHART_WEEKLY}}
<details class="chart-data">
<summary>Data grafik sebagai tabel</summary>
<div class="table-wrap">
<table class="table dash-table" id="table-weekly">
<caption class="visually-hidden">Publikasi per minggu (minggu mulai Senin)</caption>
<thead><tr><th scope="col">Minggu mulai</th><th scope="col" class="num">Terbit</th></tr></thead>
<tbody>
{{#WEEK}}<tr><th scope="row"><time datetime="{{ISO}}">{{LABEL}}</time></th><td data-label="Terbit" class="num">{{N}}</td></tr>
{{/WEEK}}</tbody>
</table>
</div>
</details>
<p class="csv-link"><a href="{{CSV_BASE}}/mingguan.csv?from={{FROM:u}}&amp;to={{TO:u}}{{#UNIT_Q}}&amp;unit={{UNIT:u}}{{/UNIT_Q}}" download>Unduh publikasi per minggu (CSV)</a></p>
</section>

<section aria-labelledby="ttp-title">
<h2 id="ttp-title" class="section-title">Waktu hingga terbit</h2>
{{>CHART_TTP}}
<details class="chart-data">
<summary>Data grafik sebagai tabel</summary>
<div class="table-wrap">
<table class="table dash-table" id="table-ttp">
<caption class="visually-hidden">Sebaran waktu dari pengajuan pertama hingga terbit</caption>
<thead><tr><th scope="col">Waktu hingga terbit</th><th scope="col" class="num">Publikasi</th></tr></thead>
<tbody>
{{#TTP}}<tr><th scope="row">{{LABEL}}</th><td data-label="Publikasi" class="num">{{N}}</td></tr>
{{/TTP}}</tbody>
</table>
</div>
</details>
<p class="csv-link"><a href="{{CSV_BASE}}/waktu-terbit.csv?from={{FROM:u}}&amp;to={{TO:u}}{{#UNIT_Q}}&amp;unit={{UNIT:u}}{{/UNIT_Q}}" download>Unduh sebaran waktu hingga terbit (CSV)</a></p>
</section>

<section aria-labelledby="queue-title">
<h2 id="queue-title" class="section-title">Antrean tinjauan sekarang</h2>
<p class="dash-note">Permintaan berstatus Diajukan atau Sedang ditinjau, diukur dari pengajuan terakhir sampai sekarang (tidak bergantung pada periode).</p>
{{>CHART_AGE}}
<details class="chart-data">
<summary>Data grafik sebagai tabel</summary>
<div class="table-wrap">
<table class="table dash-table" id="table-age">
<caption class="visually-hidden">Sebaran umur antrean tinjauan</caption>
<thead><tr><th scope="col">Menunggu</th><th scope="col" class="num">Permintaan</th></tr></thead>
<tbody>
{{#AGE}}<tr><th scope="row">{{LABEL}}</th><td data-label="Permintaan" class="num">{{N}}</td></tr>
{{/AGE}}</tbody>
</table>
</div>
</details>
<h3 class="dash-subtitle">Menunggu paling lama</h3>
<div class="table-wrap">
<table class="table dash-table" id="table-queue">
<caption class="visually-hidden">Permintaan yang menunggu paling lama</caption>
<thead><tr><th scope="col">Permintaan</th><th scope="col">Unit</th><th scope="col">Status</th><th scope="col">Diajukan</th><th scope="col" class="num">Menunggu</th><th scope="col">Peninjau</th></tr></thead>
<tbody>
{{#QUEUED}}<tr>
<th scope="row"><a href="/requests/{{ID}}">{{TITLE}}</a></th>
<td data-label="Unit">{{UNIT_CODE}}</td>
<td data-label="Status"><span class="badge state-{{STATE}}">{{STATE_LABEL}}</span></td>
<td data-label="Diajukan" class="cell-date"><time datetime="{{AT_ISO}}">{{AT}}</time></td>
<td data-label="Menunggu" class="num">{{AGE}}</td>
<td data-label="Peninjau">{{ASSIGNED}}</td>
</tr>
{{/QUEUED}}{{#QUEUE_EMPTY}}<tr class="row-empty"><td colspan="6">Antrean kosong.</td></tr>{{/QUEUE_EMPTY}}
</tbody>
</table>
</div>
{{#QUEUE_CUT}}<p class="dash-note">{{SHOWN}} dari {{ALL}} permintaan ditampilkan; semuanya ada di CSV.</p>{{/QUEUE_CUT}}
<p class="csv-link"><a href="{{CSV_BASE}}/antrean.csv?from={{FROM:u}}&amp;to={{TO:u}}{{#UNIT_Q}}&amp;unit={{UNIT:u}}{{/UNIT_Q}}" download>Unduh antrean (CSV)</a> · <a href="{{CSV_BASE}}/umur-antrean.csv?from={{FROM:u}}&amp;to={{TO:u}}{{#UNIT_Q}}&amp;unit={{UNIT:u}}{{/UNIT_Q}}" download>Unduh sebaran umur antrean (CSV)</a></p>
</section>

<section aria-labelledby="silent-title">
<h2 id="silent-title" class="section-title">Unit senyap</h2>
<p class="dash-note" id="silent-count">{{SILENT_N}} dari {{ACTIVE_N}} unit aktif tanpa publikasi dalam periode ini. Yang paling lama senyap di atas: yang belum pernah terbit sama sekali (sampai akhir periode) lebih dulu, urut nama, lalu menurut publikasi terakhir. Lama senyap dihitung sampai akhir periode.</p>
<div class="table-wrap">
<table class="table dash-table" id="table-silent">
<caption class="visually-hidden">Unit tanpa publikasi dalam periode ini, yang paling lama senyap di atas</caption>
<thead><tr><th scope="col">Unit</th><th scope="col">Publikasi terakhir</th><th scope="col" class="num">Senyap</th></tr></thead>
<tbody>
{{#SILENT}}<tr>
<th scope="row">{{NAME}} <span class="unit-code">{{CODE}}</span></th>
<td data-label="Publikasi terakhir">{{#LAST}}<time datetime="{{ISO}}">{{DATE}}</time>{{/LAST}}{{#NEVER}}Belum pernah{{/NEVER}}</td>
<td data-label="Senyap" class="num">{{SINCE}}</td>
</tr>
{{/SILENT}}{{#SILENT_NONE}}<tr class="row-empty"><td colspan="3">{{TEXT}}</td></tr>{{/SILENT_NONE}}
</tbody>
</table>
</div>
<p class="csv-link"><a href="{{CSV_BASE}}/senyap.csv?from={{FROM:u}}&amp;to={{TO:u}}{{#UNIT_Q}}&amp;unit={{UNIT:u}}{{/UNIT_Q}}" download>Unduh unit senyap (CSV)</a></p>
</section>

<section aria-labelledby="editors-title">
<h2 id="editors-title" class="section-title">Editor tersibuk</h2>
<p class="dash-note">Keputusan atas permintaan{{#ONE_UNIT}} unit ini{{/ONE_UNIT}} dalam periode ini: persetujuan (terbit langsung atau terjadwal), permintaan perbaikan dan penolakan.</p>
<div class="table-wrap">
<table class="table dash-table" id="table-editors">
<caption class="visually-hidden">Editor tersibuk: persetujuan, permintaan perbaikan, penolakan</caption>
<thead><tr><th scope="col">Editor</th><th scope="col" class="num">Disetujui</th><th scope="col" class="num">Minta perbaikan</th><th scope="col" class="num">Ditolak</th><th scope="col" class="num">Jumlah</th></tr></thead>
<tbody>
{{#EDITOR}}<tr>
<th scope="row">{{NAME}}</th>
<td data-label="Disetujui" class="num">{{APPROVED}}</td>
<td data-label="Minta perbaikan" class="num">{{CHANGES}}</td>
<td data-label="Ditolak" class="num">{{REJECTED}}</td>
<td data-label="Jumlah" class="num">{{TOTAL}}</td>
</tr>
{{/EDITOR}}{{#EDITORS_NONE}}<tr class="row-empty"><td colspan="5">Belum ada keputusan editor dalam periode ini.</td></tr>{{/EDITORS_NONE}}
</tbody>
</table>
</div>
<p class="csv-link"><a href="{{CSV_BASE}}/editor.csv?from={{FROM:u}}&amp;to={{TO:u}}{{#UNIT_Q}}&amp;unit={{UNIT:u}}{{/UNIT_Q}}" download>Unduh editor tersibuk (CSV)</a></p>
</section>
{{/FIGURES}}
</div>
