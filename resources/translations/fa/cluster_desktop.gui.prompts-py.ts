<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>prompts</name>
    <message>
        <source>Unsaved changes</source>
        <translation>تغییرات ذخیره‌نشده</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>«%1» تغییرات ذخیره‌نشده دارد. ذخیره شود؟</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>دور ریختن</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>خطای پیش‌بینی‌نشده: %1</translation>
    </message>
    <message>
        <source>Cannot do this</source>
        <translation>این کار انجام نشد</translation>
    </message>
</context>
</TS>