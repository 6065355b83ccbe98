{{%AUTOESCAPE context="HTML"}}
{{! Name, role and unit of a user: the creation form and the edit form (pages/admin_users.c). }}
<div class="field{{#NAME_ERROR}} has-error{{/NAME_ERROR}}">
<label for="f-name">Nama lengkap <span class="req">(wajib)</span></label>
{{#NAME_ERROR}}<p class="field-error" id="err-name">{{MESSAGE}}</p>{{/NAME_ERROR}}
<input type="text" id="f-name" name="name" value="{{NAME_VALUE}}" maxlength="200" autocomplete="off" required{{#NAME_ERROR}} aria-invalid="true" aria-describedby="err-name"{{/NAME_ERROR}}>
</div>
<div class="field{{#ROLE_ERROR}} has-error{{/ROLE_ERROR}}">
<label for="f-role">Peran</label>
{{#ROLE_ERROR}}<p class="field-error" id="err-role">{{MESSAGE}}</p>{{/ROLE_ERROR}}
<select id="f-role" name="role" aria-describedby="hint-role{{#ROLE_ERROR}} err-role{{/ROLE_ERROR}}"{{#ROLE_ERROR}} aria-invalid="true"{{/ROLE_ERROR}}>
{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}</select>
<p class="hint" id="hint-role">Kontributor menulis permintaan untuk unitnya; editor humas meninjau dan menerbitkan; admin juga mengelola pengguna dan unit.</p>
</div>
<div class="field{{#UNIT_ERROR}} has-error{{/UNIT_ERROR}}">
<label for="f-unit">Unit</label>
{{#UNIT_ERROR}}<p class="field-error" id="err-unit">{{MESSAGE}}</p>{{/UNIT_ERROR}}
<select id="f-unit" name="unit" aria-describedby="hint-unit{{#UNIT_ERROR}} err-unit{{/UNIT_ERROR}}"{{#UNIT_ERROR}} aria-invalid="true"{{/UNIT_ERROR}}>
<option value="">— tanpa unit —</option>
{{#UNIT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/UNIT_OPTION}}</select>
<p class="hint" id="hint-unit">Wajib untuk kontributor. Hanya unit aktif yang dapat dipilih.</p>
</div>
