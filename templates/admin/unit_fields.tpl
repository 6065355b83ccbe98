{{%AUTOESCAPE context="HTML"}}
{{! Name, kind and parent of a unit: the add form and the edit form (pages/admin_units.c). }}
<div class="field{{#NAME_ERROR}} has-error{{/NAME_ERROR}}">
<label for="f-name">Nama <span class="req">(wajib)</span></label>
{{#NAME_ERROR}}<p class="field-error" id="err-name">{{MESSAGE}}</p>{{/NAME_ERROR}}
<input type="text" id="f-name" name="name" value="{{NAME_VALUE}}" maxlength="200" autocomplete="off" required{{#NAME_ERROR}} aria-invalid="true" aria-describedby="err-name"{{/NAME_ERROR}}>
</div>
<div class="field{{#KIND_ERROR}} has-error{{/KIND_ERROR}}">
<label for="f-kind">Jenis</label>
{{#KIND_ERROR}}<p class="field-error" id="err-kind">{{MESSAGE}}</p>{{/KIND_ERROR}}
<select id="f-kind" name="kind"{{#KIND_ERROR}} aria-invalid="true" aria-describedby="err-kind"{{/KIND_ERROR}}>
<option value="SKPD"{{#KIND_SKPD}} selected{{/KIND_SKPD}}>SKPD</option>
<option value="UKPD"{{#KIND_UKPD}} selected{{/KIND_UKPD}}>UKPD</option>
</select>
</div>
<div class="field{{#PARENT_ERROR}} has-error{{/PARENT_ERROR}}">
<label for="f-parent">Unit induk</label>
{{#PARENT_ERROR}}<p class="field-error" id="err-parent">{{MESSAGE}}</p>{{/PARENT_ERROR}}
<select id="f-parent" name="parent"{{#PARENT_ERROR}} aria-invalid="true" aria-describedby="err-parent"{{/PARENT_ERROR}}>
<option value="">— tanpa induk —</option>
{{#UNIT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/UNIT_OPTION}}</select>
</div>
