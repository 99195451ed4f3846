<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>MemberDialog</name>
    <message>
        <source>— choose the organization —</source>
        <translation>— دستگاه را انتخاب کنید —</translation>
    </message>
    <message>
        <source>New working-group member</source>
        <translation>عضو تازهٔ کارگروه</translation>
    </message>
    <message>
        <source>Edit working-group member</source>
        <translation>ویرایش عضو کارگروه</translation>
    </message>
</context>
</TS>