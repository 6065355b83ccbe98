{{%AUTOESCAPE context="HTML"}}
{{#LEAD_PHOTO}}<figure class="doc-photo doc-photo-lead">
<picture>
<source type="image/webp" srcset="{{SRCSET_WEBP}}" sizes="(min-width: 52rem) 48rem, 100vw">
<img src="{{SRC}}" srcset="{{SRCSET_JPG}}" sizes="(min-width: 52rem) 48rem, 100vw" width="{{WIDTH}}" height="{{HEIGHT}}" alt="{{CAPTION}}">
</picture>
<figcaption>{{CAPTION}} <span class="credit">(Foto: {{CREDIT}})</span> <a class="download" href="{{FULL}}" download>Unduh foto resolusi penuh ({{FULL_WIDTH}}×{{FULL_HEIGHT}})</a></figcaption>
</figure>{{/LEAD_PHOTO}}
