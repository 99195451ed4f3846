<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>SetupSecretariatPage</name>
    <message>
        <source>Secretariat</source>
        <translation>دبیرخانه</translation>
    </message>
    <message>
        <source>The secretariat of the working group (process F1 at the centre, F2 in a province). These details appear on minutes, letters and bundles.</source>
        <translation>دبیرخانهٔ کارگروه (فرایند F1 در مرکز و F2 در استان). این مشخصات در صورتجلسه‌ها، نامه‌ها و بسته‌ها می‌آید.</translation>
    </message>
    <message>
        <source>Office name:</source>
        <translation>نام دفتر:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>نشانی:</translation>
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
        <source>Head of the office:</source>
        <translation>رئیس سازمان:</translation>
    </message>
    <message>
        <source>Secretary of the working group:</source>
        <translation>دبیر کارگروه:</translation>
    </message>
</context>
</TS>