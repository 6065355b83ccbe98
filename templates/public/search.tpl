{{%AUTOESCAPE context="HTML"}}
<div class="page">
<div class="page-head">
<h1>Cari siaran pers</h1>
<p class="intro">Telusuri siaran pers dan undangan liputan yang telah diterbitkan perangkat daerah Pemprov DKI Jakarta.</p>
</div>
<form class="search-form" method="get" action="/search" role="search" aria-label="Cari siaran pers">
<div class="search-main">
<label for="search-q">Kata kunci</label>
<div class="search-row">
<input type="search" id="search-q" name="q" value="{{F_Q}}" maxlength="200" placeholder="mis. vaksinasi, banjir, Transjakarta" autocomplete="off" enterkeyhint="search">
<button type="submit" class="btn btn-primary">Cari</button>
</div>
</div>
{{#FILTERS}}<fieldset class="search-filters">
<legend>Saring hasil <span class="req">(opsional)</span></legend>
<div class="search-filter-grid">
<div class="field">
<label for="filter-kind">Jenis</label>
<select id="filter-kind" name="kind">
{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/KIND_OPTION}}</select>
</div>
{{#UNIT_FIELD}}<div class="field">
<label for="filter-unit">Perangkat daerah</label>
<input type="text" id="filter-unit" name="unit" value="{{F_UNIT}}" placeholder="Kode unit, mis. DINKES" autocapitalize="characters" autocomplete="off" spellcheck="false">
<p class="field-link"><a href="/units">Daftar kode unit</a></p>
</div>{{/UNIT_FIELD}}
<div class="field">
<label for="filter-from">Dari tanggal</label>
<input type="date" id="filter-from" name="from" value="{{F_FROM}}">
</div>
<div class="field">
<label for="filter-to">Sampai tanggal</label>
<input type="date" id="filter-to" name="to" value="{{F_TO}}">
</div>
</div>
</fieldset>{{/FILTERS}}
</form>
{{#NO_QUERY}}<section class="guidance search-help" aria-labelledby="search-help-title">
<h2 id="search-help-title">Apa yang dapat dicari?</h2>
<p>Pencarian mencakup judul, ringkasan, isi siaran, nama perangkat daerah, dan kutipan narasumber dari semua siaran pers dan undangan liputan yang telah diterbitkan.</p>
<h3>Tips pencarian</h3>
<ul>
<li>Huruf besar/kecil dan tanda aksen tidak berpengaruh: “Jakarta” sama dengan “jakarta”.</li>
<li>Kata terakhir boleh ditulis sebagian, mis. “vaksin” menemukan “vaksinasi”.</li>
<li>Semua kata harus muncul dalam siaran; tanda baca dan tanda kutip diabaikan.</li>
</ul>
<p>Mencari kegiatan yang akan datang? Lihat <a href="/agenda">agenda liputan</a>. Mencari siaran satu instansi? Buka <a href="/units">daftar perangkat daerah</a>.</p>
</section>{{/NO_QUERY}}
{{#PROBLEM}}<div class="alert alert-error" role="alert">
<p><strong>Pencarian tidak dapat dilakukan.</strong> {{MESSAGE}}</p>
</div>
<section class="guidance search-help" aria-labelledby="search-help-title">
<h2 id="search-help-title">Tips pencarian</h2>
<ul>
<li>Pencarian mencakup judul, ringkasan, isi siaran, nama perangkat daerah, dan kutipan narasumber.</li>
<li>Huruf besar/kecil dan tanda aksen tidak berpengaruh: “Jakarta” sama dengan “jakarta”.</li>
<li>Kata terakhir boleh ditulis sebagian, mis. “vaksin” menemukan “vaksinasi”.</li>
<li>Semua kata harus muncul dalam siaran; tanda baca dan tanda kutip diabaikan.</li>
</ul>
<p>Lihat juga <a href="/agenda">agenda liputan</a> dan <a href="/units">daftar perangkat daerah</a>.</p>
</section>{{/PROBLEM}}
{{#RESULTS}}<h2 class="results-title">Hasil pencarian untuk “{{F_Q}}”</h2>{{/RESULTS}}
{{>LISTING}}
{{#RESULTS}}{{#NO_RESULTS}}<section class="guidance search-help" aria-labelledby="search-tips-title">
<h2 id="search-tips-title">Saran</h2>
<ul>
<li>Gunakan lebih sedikit kata atau kata yang lebih umum: semua kata harus muncul dalam siaran.</li>
<li>Periksa ejaan kata kunci.</li>
<li>Hapus saringan jenis, perangkat daerah, atau tanggal: <a href="/search?q={{F_Q:u}}">cari “{{F_Q}}” tanpa saringan</a>.</li>
</ul>
</section>{{/NO_RESULTS}}{{/RESULTS}}
</div>
