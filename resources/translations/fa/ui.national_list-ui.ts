<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>NationalListView</name>
    <message>
        <source>National list and ranking</source>
        <translation>فهرست و رتبه‌بندی ملی</translation>
    </message>
    <message>
        <source>Every dossier the centre holds: those sent by the provinces and the centre's own initial list (national priority clusters, ISIPO's national cluster map). The national rank uses the central working group's score where given, otherwise the provincial score.</source>
        <translation>همهٔ پرونده‌های مرکز: پرونده‌های ارسالی استان‌ها و لیست اولیهٔ خود مرکز (خوشه‌های دارای اولویت ملی، نقشهٔ ملی خوشه‌های سازمان صنایع کوچک). رتبهٔ ملی بر پایهٔ امتیاز کارگروه مرکز و در نبود آن امتیاز استانی است.</translation>
    </message>
    <message>
        <source>Search name, county or product</source>
        <translation>جستجوی نام، شهرستان یا محصول</translation>
    </message>
    <message>
        <source>HS code prefix</source>
        <translation>آغاز کد تعرفه</translation>
    </message>
    <message>
        <source>Score at least</source>
        <translation>امتیاز دست‌کم</translation>
    </message>
    <message>
        <source>any</source>
        <translation>هر امتیاز</translation>
    </message>
    <message>
        <source>Only the centre's initial list</source>
        <translation>فقط لیست اولیهٔ مرکز</translation>
    </message>
    <message>
        <source>Sensitivity to the weights…</source>
        <translation>حساسیت به وزن‌ها…</translation>
    </message>
    <message>
        <source>How the ranking depends on the criteria weights (rank ranges, top-K chances, what if).</source>
        <translation>رتبه‌بندی چه اندازه به وزن معیارها بستگی دارد (دامنهٔ رتبه‌ها، احتمال رتبه‌های برتر، اگر وزن‌ها چنین باشد).</translation>
    </message>
    <message>
        <source>Print ranking…</source>
        <translation>چاپ رتبه‌بندی…</translation>
    </message>
    <message>
        <source>Add to the initial list (F3)…</source>
        <translation>افزودن به لیست اولیه (F3)…</translation>
    </message>
    <message>
        <source>Ask the province for the plan</source>
        <translation>درخواست طرح توجیهی از استان</translation>
    </message>
    <message>
        <source>Open dossier</source>
        <translation>باز کردن پرونده</translation>
    </message>
</context>
</TS>