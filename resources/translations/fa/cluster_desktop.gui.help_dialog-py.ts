<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>HelpDialog</name>
    <message>
        <source>Help: %1</source>
        <translation>راهنما: %1</translation>
    </message>
    <message>
        <source>This page serves these steps of the programme:</source>
        <translation>این صفحه برای این مراحل برنامه است:</translation>
    </message>
    <message>
        <source>This page is not tied to one step of the programme.</source>
        <translation>این صفحه به مرحلهٔ خاصی از برنامه وابسته نیست.</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>ورودی‌ها</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>خروجی‌ها</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>دستگاه‌های مسئول</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>کار</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>کلیدها</translation>
    </message>
    <message>
        <source>Opening help…</source>
        <translation>در حال باز کردن راهنما…</translation>
    </message>
</context>
</TS>