<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>MemberDialog</name>
    <message>
        <source>Working-group member</source>
        <translation>عضو کارگروه</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>نام و نام خانوادگی:</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>دستگاه:</translation>
    </message>
    <message>
        <source>Seat in the group:</source>
        <translation>جایگاه در کارگروه:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>سمت:</translation>
    </message>
    <message>
        <source>Telephone:</source>
        <translation>تلفن:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>رایانامه:</translation>
    </message>
    <message>
        <source>Active member</source>
        <translation>عضو فعال</translation>
    </message>
</context>
</TS>