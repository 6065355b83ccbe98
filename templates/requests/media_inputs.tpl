{{%AUTOESCAPE context="HTML"}}
<fieldset class="fieldset media-inputs" id="{{P}}f-photo"{{#PHOTO_ERROR}} aria-describedby="{{P}}err-photo"{{/PHOTO_ERROR}}>
<legend>Foto dan dokumen</legend>
<p class="hint">Foto: JPEG, PNG, WebP atau HEIC; dokumen: PDF. Paling besar {{MAX_FILE}} per berkas. Data lokasi (GPS) dan data kamera dihapus dari berkas yang dapat diunduh publik.</p>
{{#FILES_NOT_KEPT}}<p class="field-note" role="note">Berkas yang tadi dipilih belum disimpan. Pilih lagi setelah memperbaiki isian.</p>{{/FILES_NOT_KEPT}}
{{#PHOTO_ERROR}}<div class="field-error" id="{{P}}err-photo">{{#ERR}}<p>{{MESSAGE}}</p>{{/ERR}}</div>{{/PHOTO_ERROR}}
<div class="field">
<label for="{{P}}f-photo-input">Foto</label>
<p class="hint" id="{{P}}hint-photo">Boleh memilih beberapa foto sekaligus.</p>
<input type="file" id="{{P}}f-photo-input" name="photo" multiple accept="image/jpeg,image/png,image/webp,image/heic,.heic" aria-describedby="{{P}}hint-photo">
</div>
<div class="field-row">
<div class="field">
<label for="{{P}}f-photo_caption">Keterangan foto</label>
<p class="hint" id="{{P}}hint-photo_caption">Wajib untuk foto: siapa, sedang apa, di mana. Berlaku untuk semua foto yang dipilih; dapat diubah per foto sesudahnya.</p>
<input type="text" id="{{P}}f-photo_caption" name="photo_caption" value="{{PHOTO_CAPTION_VALUE}}" maxlength="500" aria-describedby="{{P}}hint-photo_caption">
</div>
<div class="field">
<label for="{{P}}f-photo_credit">Kredit foto</label>
<p class="hint" id="{{P}}hint-photo_credit">Wajib untuk foto: nama fotografer atau sumber, mis. “Humas Dinas Kesehatan”.</p>
<input type="text" id="{{P}}f-photo_credit" name="photo_credit" value="{{PHOTO_CREDIT_VALUE}}" maxlength="200" aria-describedby="{{P}}hint-photo_credit">
</div>
</div>
{{#DOCUMENT_ERROR}}<div class="field-error" id="{{P}}err-document">{{#ERR}}<p>{{MESSAGE}}</p>{{/ERR}}</div>{{/DOCUMENT_ERROR}}
<div class="field">
<label for="{{P}}f-document">Dokumen PDF</label>
<p class="hint" id="{{P}}hint-document">Mis. bahan paparan atau data pendukung.</p>
<input type="file" id="{{P}}f-document" name="document" multiple accept="application/pdf,.pdf" aria-describedby="{{P}}hint-document{{#DOCUMENT_ERROR}} {{P}}err-document{{/DOCUMENT_ERROR}}">
</div>
</fieldset>
