<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Print preview: %1</source>
        <translation>پیش‌نمایش چاپ: %1</translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation>تعداد صفحه‌ها: %1</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>ذخیره به صورت PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>پرونده‌های PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>پرونده نوشته نشد: %1</translation>
    </message>
</context>
<context>
    <name>print_preview</name>
    <message>
        <source>Nomination form</source>
        <translation>فرم معرفی خوشه</translation>
    </message>
    <message>
        <source>Feasibility plan</source>
        <translation>طرح توجیهی</translation>
    </message>
    <message>
        <source>Evaluation sheets</source>
        <translation>برگه‌های ارزیابی</translation>
    </message>
    <message>
        <source>Consolidated evaluation</source>
        <translation>جمع‌بندی ارزیابی</translation>
    </message>
    <message>
        <source>License</source>
        <translation>پروانهٔ تأیید خوشه</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>صورتجلسه</translation>
    </message>
    <message>
        <source>Ranking report</source>
        <translation>گزارش رتبه‌بندی</translation>
    </message>
    <message>
        <source>Ranking report: sensitivity annex</source>
        <translation>گزارش رتبه‌بندی: پیوست حساسیت</translation>
    </message>
    <message>
        <source>Programme monitoring report</source>
        <translation>گزارش پایش طرح توسعه‌ای</translation>
    </message>
    <message>
        <source>Notification letter</source>
        <translation>نامهٔ ابلاغ</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>دستورالعمل</translation>
    </message>
    <message>
        <source>Responsibility matrix</source>
        <translation>ماتریس وظایف</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>در حال آماده‌سازی سند…</translation>
    </message>
</context>
</TS>
