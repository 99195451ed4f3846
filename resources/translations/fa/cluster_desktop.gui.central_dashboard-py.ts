<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>CentralDashboardView</name>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>پرونده‌ها</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>در بررسی</translation>
    </message>
    <message>
        <source>Final list</source>
        <translation>لیست نهایی</translation>
    </message>
    <message>
        <source>Last dossier received</source>
        <translation>آخرین پروندهٔ
دریافتی</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>بسته‌ها</translation>
    </message>
    <message>
        <source>Last sequence</source>
        <translation>آخرین شماره
ترتیب</translation>
    </message>
    <message>
        <source>Last import</source>
        <translation>آخرین دریافت
بسته</translation>
    </message>
    <message>
        <source>Decisions sent / acknowledged</source>
        <translation>تصمیم‌های ارسالی /
تأیید دریافت</translation>
    </message>
    <message>
        <source>Provinces</source>
        <translation>استان‌ها</translation>
    </message>
    <message>
        <source>Steps and responsible agencies</source>
        <translation>مراحل و دستگاه‌های مسئول</translation>
    </message>
    <message>
        <source>National dashboard — %1 provinces have dossiers at the centre</source>
        <translation>پیشخوان ملی — پرونده‌های %1 استان در مرکز</translation>
    </message>
    <message>
        <source>%1 — %2 (provincial score %3)</source>
        <translation>%1 — %2 (امتیاز استانی %3)</translation>
    </message>
    <message>
        <source>Development programme: %1 — %2 (%3)</source>
        <translation>طرح توسعه‌ای: %1 — %2 (%3)</translation>
    </message>
    <message>
        <source>Nothing waits for the working group.</source>
        <translation>پرونده‌ای در انتظار کارگروه نیست.</translation>
    </message>
    <message>
        <source>Minutes %1 of %2: %3 decisions, %4 present</source>
        <translation>صورتجلسه %1 مورخ %2: %3 تصمیم، %4 نفر حاضر</translation>
    </message>
    <message>
        <source>No meeting is recorded yet.</source>
        <translation>هنوز جلسه‌ای ثبت نشده است.</translation>
    </message>
</context>
</TS>
