{{%AUTOESCAPE context="HTML"}}
{{#HAS_GALLERY}}<section class="doc-gallery" aria-labelledby="galeri-title">
<h2 id="galeri-title">Foto lainnya</h2>
<ul class="gallery">
{{#GALLERY_PHOTO}}<li><figure class="doc-photo">
<picture>
<source type="image/webp" srcset="{{SRCSET_WEBP}}" sizes="(min-width: 52rem) 24rem, 100vw">
<img src="{{SRC}}" srcset="{{SRCSET_JPG}}" sizes="(min-width: 52rem) 24rem, 100vw" width="{{WIDTH}}" height="{{HEIGHT}}" alt="{{CAPTION}}" loading="lazy">
</picture>
<figcaption>{{CAPTION}} <span class="credit">(Foto: {{CREDIT}})</span> <a class="download" href="{{FULL}}" download>Unduh ({{FULL_WIDTH}}×{{FULL_HEIGHT}})</a></figcaption>
</figure></li>
{{/GALLERY_PHOTO}}</ul>
</section>{{/HAS_GALLERY}}
{{#HAS_DOCUMENTS}}<section class="doc-documents" aria-labelledby="dokumen-title">
<h2 id="dokumen-title">Dokumen</h2>
<ul>
{{#DOCUMENT}}<li><a href="{{FULL}}" download>{{FILENAME}}</a> (PDF, {{SIZE}}){{#HAS_CAPTION}} — {{CAPTION}}{{/HAS_CAPTION}}</li>
{{/DOCUMENT}}</ul>
</section>{{/HAS_DOCUMENTS}}
