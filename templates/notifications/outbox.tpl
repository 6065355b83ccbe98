{{%AUTOESCAPE context="HTML"}}
<div class="page page-wide outbox-page">
<div class="page-head">
<h1>Kotak keluar e-mail</h1>
<p class="intro">E-mail notifikasi yang menunggu, terkirim dan gagal, terbaru di atas.</p>
</div>
{{#NO_SMTP}}<div class="alert alert-warning" role="status"><p>Server SMTP belum dikonfigurasi (<code>--smtp</code> atau <code>SIARAN_SMTP</code>): e-mail tetap menunggu di kotak keluar dan terkirim setelah server SMTP diatur.</p></div>{{/NO_SMTP}}
<nav class="page-links" aria-label="Saring menurut status">
<span class="page-links-label">Status:</span>
{{#FILTER}}<a href="/admin/outbox{{#HAS_Q}}?state={{F_STATE:u}}{{/HAS_Q}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{F_LABEL}} ({{F_COUNT}})</a>
{{/FILTER}}</nav>
<p class="result-count" role="status">{{TOTAL}} pesan</p>
<div class="table-wrap">
<table class="table outbox-table">
<caption class="visually-hidden">Kotak keluar: penerima, subjek, status, percobaan dan galat terakhir</caption>
<thead>
<tr>
<th scope="col">Subjek</th>
<th scope="col">Penerima</th>
<th scope="col">Status</th>
<th scope="col">Percobaan</th>
<th scope="col">Dibuat</th>
<th scope="col">Terkirim / berikutnya</th>
<th scope="col">Galat terakhir</th>
</tr>
</thead>
<tbody>
{{#ROW}}<tr id="outbox-{{O_ID}}">
<th scope="row">{{O_SUBJECT}}</th>
<td data-label="Penerima">{{O_TO}}</td>
<td data-label="Status"><span class="badge {{O_STATE_CLASS}}">{{O_STATE_LABEL}}</span></td>
<td data-label="Percobaan">{{O_ATTEMPTS}}</td>
<td data-label="Dibuat">{{O_CREATED}}</td>
<td data-label="Terkirim / berikutnya">{{O_WHEN}}</td>
<td data-label="Galat terakhir">{{O_ERROR}}</td>
</tr>
{{/ROW}}{{#EMPTY}}<tr class="row-empty"><td colspan="7">Tidak ada pesan dengan status ini.</td></tr>{{/EMPTY}}
</tbody>
</table>
</div>
{{#PAGER}}<nav class="pager" aria-label="Halaman kotak keluar">
{{#PREV}}<a class="pager-link pager-prev" href="/admin/outbox?state={{STATE_Q:u}}&amp;page={{PREV_PAGE:u}}" rel="prev">← Sebelumnya</a>{{/PREV}}
<span class="pager-status">Halaman {{PAGE}} dari {{PAGES}}</span>
{{#NEXT}}<a class="pager-link pager-next" href="/admin/outbox?state={{STATE_Q:u}}&amp;page={{NEXT_PAGE:u}}" rel="next">Berikutnya →</a>{{/NEXT}}
</nav>{{/PAGER}}
</div>
