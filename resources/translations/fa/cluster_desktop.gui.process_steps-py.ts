<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>ProcessStepsView</name>
    <message>
        <source>Inputs</source>
        <translation>ورودی‌ها</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>خروجی‌ها</translation>
    </message>
    <message>
        <source>Responsible agencies (responsibility matrix)</source>
        <translation>دستگاه‌های مسئول (ماتریس وظایف)</translation>
    </message>
    <message>
        <source>The matrix names no agency for this step itself.</source>
        <translation>ماتریس وظایف برای خود این مرحله دستگاهی را نام نبرده است.</translation>
    </message>
</context>
</TS>