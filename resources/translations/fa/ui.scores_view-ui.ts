<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>ScoresView</name>
    <message>
        <source>Consolidated scores</source>
        <translation>جمع‌بندی امتیازها</translation>
    </message>
    <message>
        <source>Evaluation round:</source>
        <translation>دور ارزیابی:</translation>
    </message>
    <message>
        <source>A dossier returned for revision is scored afresh when its evaluation reopens; earlier rounds stay readable here.</source>
        <translation>پرونده‌ای که برای اصلاح برگشت خورده، با گشوده‌شدن دوبارهٔ ارزیابی از نو امتیاز می‌گیرد؛ دورهای پیشین اینجا خواندنی می‌مانند.</translation>
    </message>
    <message>
        <source>Highlighted rows: the members' scores differ by 3 points or more on that criterion; discuss them in the meeting.</source>
        <translation>ردیف‌های رنگی: امتیاز اعضا در آن معیار ۳ نمره یا بیشتر با هم فاصله دارد؛ در جلسه دربارهٔ آن بحث کنید.</translation>
    </message>
    <message>
        <source>Print consolidated sheet…</source>
        <translation>چاپ برگهٔ جمع‌بندی…</translation>
    </message>
</context>
</TS>