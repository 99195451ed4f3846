<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>PlanEditor</name>
    <message>
        <source>Feasibility plan</source>
        <translation>طرح توجیهی</translation>
    </message>
    <message>
        <source>Save plan</source>
        <translation>ذخیرهٔ طرح</translation>
    </message>
    <message>
        <source>Overview and market</source>
        <translation>معرفی و بازار</translation>
    </message>
    <message>
        <source>Overview and current state of the cluster:</source>
        <translation>معرفی و وضعیت کنونی خوشه:</translation>
    </message>
    <message>
        <source>Firms, products, supply chain, what the cluster does today…</source>
        <translation>بنگاه‌ها، محصولات، زنجیرهٔ تأمین و فعالیت کنونی خوشه…</translation>
    </message>
    <message>
        <source>Market and target export markets:</source>
        <translation>بازار و بازارهای هدف صادراتی:</translation>
    </message>
    <message>
        <source>Target countries, demand, competitors, prices…</source>
        <translation>کشورهای هدف، تقاضا، رقبا، قیمت‌ها…</translation>
    </message>
    <message>
        <source>SWOT</source>
        <translation>قوت، ضعف، فرصت و تهدید</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>نقاط قوت</translation>
    </message>
    <message>
        <source>What the cluster does well…</source>
        <translation>آنچه خوشه در آن تواناست…</translation>
    </message>
    <message>
        <source>Weaknesses</source>
        <translation>نقاط ضعف</translation>
    </message>
    <message>
        <source>What holds it back…</source>
        <translation>آنچه مانع پیشرفت خوشه است…</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>فرصت‌ها</translation>
    </message>
    <message>
        <source>Openings in markets and policy…</source>
        <translation>فرصت‌های بازار و سیاست‌ها…</translation>
    </message>
    <message>
        <source>Threats</source>
        <translation>تهدیدها</translation>
    </message>
    <message>
        <source>Risks from outside…</source>
        <translation>خطرهای بیرونی…</translation>
    </message>
    <message>
        <source>Targets and investment</source>
        <translation>اهداف و سرمایه‌گذاری</translation>
    </message>
    <message>
        <source>Yearly export and employment targets (Jalali years):</source>
        <translation>اهداف سالانهٔ صادرات و اشتغال (سال شمسی):</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>سال</translation>
    </message>
    <message>
        <source>Export target (USD)</source>
        <translation>صادرات هدف (دلار)</translation>
    </message>
    <message>
        <source>Employment target</source>
        <translation>اشتغال هدف</translation>
    </message>
    <message>
        <source>Add year</source>
        <translation>افزودن سال</translation>
    </message>
    <message>
        <source>Remove year</source>
        <translation>حذف سال</translation>
    </message>
    <message>
        <source>Investment needed (rial):</source>
        <translation>سرمایه‌گذاری مورد نیاز (ریال):</translation>
    </message>
    <message>
        <source>What the investment is for:</source>
        <translation>مصرف سرمایه‌گذاری:</translation>
    </message>
    <message>
        <source>Actions and expected results</source>
        <translation>اقدامات و نتایج مورد انتظار</translation>
    </message>
    <message>
        <source>Actions and executive programme:</source>
        <translation>اقدامات و برنامهٔ اجرایی:</translation>
    </message>
    <message>
        <source>Who does what, and when…</source>
        <translation>چه کسی، چه کاری را، چه زمانی انجام می‌دهد…</translation>
    </message>
    <message>
        <source>Expected results:</source>
        <translation>نتایج مورد انتظار:</translation>
    </message>
    <message>
        <source>Exports, employment, brand, quality…</source>
        <translation>صادرات، اشتغال، برند، کیفیت…</translation>
    </message>
    <message>
        <source>Completeness check</source>
        <translation>بررسی کامل بودن</translation>
    </message>
    <message>
        <source>Checked against the saved plan; submitting it is a decision in the workflow section.</source>
        <translation>بر پایهٔ طرح ذخیره‌شده بررسی می‌شود؛ ارائهٔ طرح در بخش گردش کار انجام می‌شود.</translation>
    </message>
    <message>
        <source>Attachments (scans, PDFs)</source>
        <translation>پیوست‌ها (تصویر اسناد، PDF)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>File</source>
        <translation>فایل</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>اندازه</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>تاریخ افزودن</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>افزودن فایل…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
</context>
</TS>