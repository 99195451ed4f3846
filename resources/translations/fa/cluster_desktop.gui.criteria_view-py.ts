<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>CriteriaRevisionDialog</name>
    <message>
        <source>Revise the criteria</source>
        <translation>بازنگری معیارها</translation>
    </message>
    <message>
        <source>Current version %1: %2</source>
        <translation>ویرایش جاری %1: %2</translation>
    </message>
    <message>
        <source>Make it the current version</source>
        <translation>ویرایش جاری شود</translation>
    </message>
    <message>
        <source>Total: —</source>
        <translation>جمع: —</translation>
    </message>
    <message>
        <source>Total: %1 of 100</source>
        <translation>جمع: %1 از ۱۰۰</translation>
    </message>
</context>
<context>
    <name>CriteriaView</name>
    <message>
        <source>Version</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>جاری</translation>
    </message>
    <message>
        <source>current</source>
        <translation>جاری</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>حد نصاب</translation>
    </message>
    <message>
        <source>Sheets scored</source>
        <translation>برگه‌های ارزیابی</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>معیار</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>وزن</translation>
    </message>
    <message>
        <source>Revisions are made by the centre's secretary and arrive with its decision bundles.</source>
        <translation>بازنگری را دبیر کارگروه مرکز انجام می‌دهد و با بستهٔ تصمیم‌های مرکز می‌رسد.</translation>
    </message>
    <message>
        <source>current version</source>
        <translation>ویرایش جاری</translation>
    </message>
    <message>
        <source>earlier version</source>
        <translation>ویرایش پیشین</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>دلیل: %1</translation>
    </message>
    <message>
        <source>The first set: the nine criteria of Article 7 with the default weights.</source>
        <translation>مجموعهٔ نخست: معیارهای نه‌گانهٔ مادهٔ ۷ با وزن‌های پیش‌فرض.</translation>
    </message>
    <message>
        <source>Criteria revised</source>
        <translation>معیارها بازنگری شد</translation>
    </message>
    <message>
        <source>Version %1 is now current; it reaches the provinces with the next decision bundles.</source>
        <translation>ویرایش %1 اکنون جاری است و با بسته‌های تصمیم بعدی به استان‌ها می‌رسد.</translation>
    </message>
</context>
</TS>