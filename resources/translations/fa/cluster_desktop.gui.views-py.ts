<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>views</name>
    <message>
        <source>Overview</source>
        <translation>نمای کلی</translation>
    </message>
    <message>
        <source>Phase 1: review and evaluation</source>
        <translation>فاز ۱: بررسی و ارزیابی</translation>
    </message>
    <message>
        <source>Phase 2: cooperation and support</source>
        <translation>فاز ۲: همکاری‌ها و توسعهٔ حمایت</translation>
    </message>
    <message>
        <source>Phase 3: execution and monitoring</source>
        <translation>فاز ۳: اجرا، کنترل و نظارت</translation>
    </message>
    <message>
        <source>Registries and exchange</source>
        <translation>ثبت‌ها و تبادل</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>پیشخوان</translation>
    </message>
    <message>
        <source>National dashboard</source>
        <translation>پیشخوان ملی</translation>
    </message>
    <message>
        <source>National map</source>
        <translation>نقشهٔ کشوری</translation>
    </message>
    <message>
        <source>Secretariat and working group</source>
        <translation>دبیرخانه و کارگروه</translation>
    </message>
    <message>
        <source>Clusters and nominations</source>
        <translation>خوشه‌ها و معرفی‌ها</translation>
    </message>
    <message>
        <source>National list and ranking</source>
        <translation>فهرست و رتبه‌بندی ملی</translation>
    </message>
    <message>
        <source>Sensitivity of the ranking to the weights</source>
        <translation>حساسیت رتبه‌بندی به وزن معیارها</translation>
    </message>
    <message>
        <source>Secondary review</source>
        <translation>بررسی ثانویه</translation>
    </message>
    <message>
        <source>Export-cluster databank</source>
        <translation>بانک اطلاعات خوشه‌های صادرات‌گرا</translation>
    </message>
    <message>
        <source>Cluster approval licenses</source>
        <translation>پروانه‌های تأیید خوشه</translation>
    </message>
    <message>
        <source>Development programmes and support packages</source>
        <translation>طرح‌های توسعه‌ای و بسته‌های حمایتی</translation>
    </message>
    <message>
        <source>Execution and monitoring</source>
        <translation>اجرا و پایش</translation>
    </message>
    <message>
        <source>Bundles and trusted offices</source>
        <translation>بسته‌ها و دفترهای مورد اعتماد</translation>
    </message>
    <message>
        <source>Training and awareness</source>
        <translation>فرهنگ‌سازی، آموزش و اطلاع‌رسانی</translation>
    </message>
    <message>
        <source>Instructions and their revisions</source>
        <translation>دستورالعمل‌ها و بازنگری‌های آن‌ها</translation>
    </message>
    <message>
        <source>Criteria sets and their revisions</source>
        <translation>مجموعه‌های معیار و بازنگری آن‌ها</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>گزارش ممیزی</translation>
    </message>
    <message>
        <source>Programme steps and responsibilities</source>
        <translation>مراحل برنامه و مسئولیت‌ها</translation>
    </message>
</context>
</TS>
