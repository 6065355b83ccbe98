{{%AUTOESCAPE context="HTML"}}
{{#PREVIEW}}<div class="preview-banner" role="note">
<p class="preview-text">Pratinjau siaran — status permintaan: {{REQ_STATE_LABEL}}</p>
<p><a href="/requests/{{REQ_ID}}">← Kembali ke permintaan</a></p>
</div>{{/PREVIEW}}
<article class="doc doc-press" aria-labelledby="doc-headline">
<header class="kop">
<img class="kop-mark" src="/static/favicon.svg" alt="" width="56" height="56">
<div class="kop-text">
<p class="kop-gov">PEMERINTAH PROVINSI DAERAH KHUSUS IBUKOTA JAKARTA</p>
<p class="kop-office">DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK</p>
<p class="kop-unit"><span class="kop-unit-label">Perangkat daerah:</span> {{REL_UNIT_NAME}}</p>
</div>
</header>
<div class="doc-head">
<p class="doc-title">{{REL_DOC_TITLE}}</p>
{{#HAS_NUMBER}}<p class="doc-number">Nomor: {{REL_NUMBER}}</p>{{/HAS_NUMBER}}
</div>
{{#IMMEDIATE}}<p class="doc-flag">Untuk disiarkan segera</p>{{/IMMEDIATE}}
{{#EMBARGO}}<p class="doc-flag doc-flag-embargo">EMBARGO: tidak untuk disiarkan sebelum {{EMBARGO_UNTIL}}</p>{{/EMBARGO}}
<h1 class="doc-headline" id="doc-headline">{{REL_TITLE}}</h1>
{{#IS_PUBLISHED}}<p class="doc-published">Diterbitkan <time datetime="{{REL_PUBLISHED_ISO}}">{{REL_PUBLISHED}}</time>{{#UPDATED}} · Diperbarui (ralat) <time datetime="{{REL_UPDATED_ISO}}">{{REL_UPDATED}}</time>{{/UPDATED}}</p>{{/IS_PUBLISHED}}
<p class="doc-lead"><strong class="dateline">{{REL_DATELINE_PLACE}}{{#HAS_DATELINE_DATE}}, {{REL_DATELINE_DATE}}{{/HAS_DATELINE_DATE}}</strong> — {{REL_SUMMARY}}</p>
{{>PHOTO_LEAD}}
{{#HAS_BODY}}<div class="doc-body prose">
{{REL_BODY_HTML:none}}
</div>{{/HAS_BODY}}
{{#HAS_QUOTES}}<section class="doc-quotes" aria-label="Kutipan">
{{#QUOTE}}<figure class="quote">
<blockquote><p>{{QUOTE_TEXT:pre_escape}}</p></blockquote>
<figcaption>— {{QUOTE_SPEAKER}}{{#HAS_POSITION}}, {{QUOTE_POSITION}}{{/HAS_POSITION}}</figcaption>
</figure>
{{/QUOTE}}</section>{{/HAS_QUOTES}}
{{>PHOTO_GALLERY}}
{{#CONTACT}}<section class="doc-contact" aria-labelledby="narahubung">
<h2 id="narahubung">Narahubung</h2>
<p><span class="contact-name">{{CONTACT_NAME}}</span>{{#HAS_CONTACT_POSITION}}<br>
<span class="contact-position">{{CONTACT_POSITION}}</span>{{/HAS_CONTACT_POSITION}}{{#HAS_PHONE}}<br>
Telepon: <a href="tel:{{CONTACT_TEL}}">{{CONTACT_PHONE_NB}}</a>{{/HAS_PHONE}}{{#HAS_EMAIL}}<br>
E-mail: <a href="mailto:{{CONTACT_EMAIL}}">{{CONTACT_EMAIL}}</a>{{/HAS_EMAIL}}</p>
</section>{{/CONTACT}}
{{#HAS_CORRECTIONS}}<section class="doc-corrections" aria-labelledby="ralat-title">
<h2 id="ralat-title">Ralat</h2>
<ul>
{{#CORRECTION_ITEM}}<li><time datetime="{{C_AT_ISO}}">{{C_AT}}</time>: <span class="pre-line">{{C_NOTE:pre_escape}}</span></li>
{{/CORRECTION_ITEM}}</ul>
</section>{{/HAS_CORRECTIONS}}
<p class="end-mark"><span aria-hidden="true">###</span><span class="visually-hidden">Akhir siaran pers</span></p>
</article>
<p class="doc-back"><a href="/">← Semua siaran pers</a>{{#TEXT_LINK}}
<a class="doc-text-link" href="/releases/{{SLUG}}/text" type="text/plain">Salin sebagai teks</a>{{/TEXT_LINK}}</p>
