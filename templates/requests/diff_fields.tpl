{{%AUTOESCAPE context="HTML"}}
<div class="diff-legend">
<p class="diff-legend-title">Cara membaca perbedaan:</p>
<ul>
<li><del class="diff-del">dihapus</del> — dicoret, berlatar merah muda: {{LEGEND_DEL}}</li>
<li><ins class="diff-add">ditambah</ins> — bergaris bawah, berlatar hijau muda: {{LEGEND_ADD}}</li>
</ul>
<p class="diff-legend-note">Bagian yang tidak ditandai sama pada kedua versi. Pembaca layar mengawali setiap perubahan dengan “dihapus:” atau “ditambah:”.</p>
</div>
{{#NO_CHANGES}}<p class="empty diff-none">Tidak ada perbedaan isi antara kedua versi.</p>{{/NO_CHANGES}}
{{#FIELD}}<section class="diff-field" aria-labelledby="diff-field-{{N}}">
<h3 class="diff-field-title" id="diff-field-{{N}}">{{FIELD_LABEL}} <span class="diff-counts">{{WORDS_ADDED}} kata ditambah, {{WORDS_REMOVED}} kata dihapus</span></h3>
{{#COARSE}}<p class="hint diff-coarse">Teks ini panjang dan banyak berubah, sehingga perbedaannya ditampilkan {{LEVEL}}.</p>{{/COARSE}}
<div class="diff-text">{{#SEG}}{{#SAME}}{{TEXT:pre_escape}}{{/SAME}}{{#DEL}}<del class="diff-del"><span class="visually-hidden">dihapus: </span>{{TEXT:pre_escape}}</del>{{/DEL}}{{#ADD}}<ins class="diff-add"><span class="visually-hidden">ditambah: </span>{{TEXT:pre_escape}}</ins>{{/ADD}}{{/SEG}}</div>
</section>
{{/FIELD}}
{{#UNCHANGED}}<p class="diff-unchanged"><span class="diff-unchanged-label">Tidak berubah:</span> {{#UNCHANGED_ITEM}}{{LABEL}}{{#UNCHANGED_ITEM_separator}}, {{/UNCHANGED_ITEM_separator}}{{/UNCHANGED_ITEM}}.</p>{{/UNCHANGED}}
