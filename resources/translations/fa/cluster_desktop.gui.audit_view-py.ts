<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>AuditView</name>
    <message>
        <source>cluster name, letter or license number</source>
        <translation>نام خوشه، شمارهٔ نامه یا پروانه</translation>
    </message>
    <message>
        <source>first day</source>
        <translation>از آغاز</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>تا امروز</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>پاک کردن پالایه‌ها</translation>
    </message>
    <message>
        <source>Show from the broken entry</source>
        <translation>نمایش از ردیف گسسته</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>خروجی اکسل…</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>کاربر:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>عمل:</translation>
    </message>
    <message>
        <source>Dossier:</source>
        <translation>پرونده:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>از تاریخ:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>تا تاریخ:</translation>
    </message>
    <message>
        <source>Audit chains of the other offices, as their bundles stated them</source>
        <translation>زنجیرهٔ ممیزی دفترهای دیگر، چنان‌که بسته‌هایشان اعلام کرده‌اند</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>دفتر</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>شمارهٔ بسته</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>ردیف‌ها</translation>
    </message>
    <message>
        <source>Hash of the last entry</source>
        <translation>چکیدهٔ آخرین ردیف</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>دریافت</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>No bundle has stated its office's audit chain yet.</source>
        <translation>هنوز هیچ بسته‌ای زنجیرهٔ ممیزی دفتر فرستنده را اعلام نکرده است.</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>همهٔ کاربران</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>همهٔ عمل‌ها</translation>
    </message>
    <message>
        <source>The first day comes after the last one.</source>
        <translation>تاریخ آغاز پس از تاریخ پایان است.</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 ردیف</translation>
    </message>
    <message>
        <source>(up to entry %1)</source>
        <translation>(تا ردیف %1)</translation>
    </message>
    <message>
        <source>rewritten history</source>
        <translation>تاریخچهٔ بازنویسی‌شده</translation>
    </message>
    <message>
        <source>continues what it stated before</source>
        <translation>در ادامهٔ آنچه پیش‌تر اعلام کرده بود</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>خروجی گزارش ممیزی</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>کارپوشه‌های اکسل (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the audit log…</source>
        <translation>در حال نوشتن گزارش ممیزی…</translation>
    </message>
    <message>
        <source>Audit log exported</source>
        <translation>خروجی گزارش ممیزی ساخته شد</translation>
    </message>
    <message>
        <source>%1 entries written to %2.</source>
        <translation>%1 ردیف در %2 نوشته شد.</translation>
    </message>
</context>
</TS>