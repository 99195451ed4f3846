<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>ProcessStepsView</name>
    <message>
        <source>Programme steps and responsibilities</source>
        <translation>مراحل برنامه و مسئولیت‌ها</translation>
    </message>
    <message>
        <source>The processes of the programme (F1–F15), what each takes in and gives out, and the agencies the responsibility matrix makes responsible.</source>
        <translation>فرایندهای برنامه (F1 تا F15)، ورودی و خروجی هر یک و دستگاه‌هایی که ماتریس وظایف مسئول آن‌ها دانسته است.</translation>
    </message>
    <message>
        <source>Print responsibility matrix…</source>
        <translation>چاپ ماتریس وظایف…</translation>
    </message>
    <message>
        <source>Preview and print the programme's responsibility matrix (agencies by process step).</source>
        <translation>پیش‌نمایش و چاپ ماتریس وظایف برنامه (دستگاه‌های مسئول در هر مرحلهٔ فرایند).</translation>
    </message>
</context>
</TS>