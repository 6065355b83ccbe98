{{%AUTOESCAPE context="HTML"}}
{{! The audit entries of one user or unit, newest first (page_admin_history in pages/admin_units.c). }}
<h2 class="section-title">Riwayat</h2>
<div class="table-wrap">
<table class="table audit-table">
<caption class="visually-hidden">Riwayat perubahan: waktu, pelaku, tindakan dan keterangan</caption>
<thead><tr><th scope="col">Waktu</th><th scope="col">Pelaku</th><th scope="col">Tindakan</th><th scope="col">Keterangan</th></tr></thead>
<tbody>
{{#AUDIT}}<tr><td data-label="Waktu">{{A_AT}}</td><td data-label="Pelaku">{{A_ACTOR}}</td><td data-label="Tindakan"><code class="audit-code">{{A_ACTION}}</code></td><td data-label="Keterangan">{{A_DETAIL}}</td></tr>
{{/AUDIT}}{{#NO_AUDIT}}<tr class="row-empty"><td colspan="4">Belum ada catatan.</td></tr>{{/NO_AUDIT}}
</tbody>
</table>
</div>
