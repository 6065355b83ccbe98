{{%AUTOESCAPE context="HTML"}}
<section class="panel changes-panel" aria-labelledby="changes-title">
<h2 id="changes-title">Perubahan oleh editor dari teks unit</h2>
<p class="changes-intro">Dibandingkan dengan teks yang terakhir disimpan unit (versi {{FROM}}, oleh {{FROM_AUTHOR}}, {{FROM_AT}}): {{CHANGED_COUNT}} isian berubah, {{WORDS_ADDED}} kata ditambah, {{WORDS_REMOVED}} kata dihapus.</p>
{{#BEFORE_APPROVE}}<p class="changes-note">Periksa perubahan ini sebelum menyetujui: yang diterbitkan adalah versi {{TO}}.</p>{{/BEFORE_APPROVE}}
<ul class="changes-list">
{{#CHANGED}}<li><span class="changes-field">{{FIELD_LABEL}}</span> <span class="changes-counts"><span class="changes-add">{{ADDED}} kata ditambah</span>, <span class="changes-del">{{REMOVED}} kata dihapus</span></span></li>
{{/CHANGED}}</ul>
<p class="changes-link"><a href="/requests/{{REQ_ID}}/diff?from={{FROM}}&amp;to={{TO}}">Lihat perbedaan kata demi kata<span class="visually-hidden"> antara versi {{FROM}} dan versi {{TO}}</span></a></p>
</section>
