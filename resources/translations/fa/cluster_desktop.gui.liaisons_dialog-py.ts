<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>LiaisonsDialog</name>
    <message>
        <source>TPO liaisons of the provinces</source>
        <translation>نمایندگان ارتباطی سازمان توسعه تجارت با استان‌ها</translation>
    </message>
    <message>
        <source>The TPO expert each province deals with (F2-1). A province sees its own liaison after the centre's next bundle; its secretariat is shown as its last bundle carried it.</source>
        <translation>کارشناس سازمان توسعه تجارت که هر استان با او در ارتباط است (F2-1). هر استان نمایندهٔ خود را با بستهٔ بعدی مرکز می‌بیند؛ دبیرخانهٔ هر استان همان‌گونه نشان داده می‌شود که آخرین بستهٔ آن استان آورده است.</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>TPO liaison</source>
        <translation>نمایندهٔ ارتباطی</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>سمت</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>رایانامه</translation>
    </message>
    <message>
        <source>Secretariat head</source>
        <translation>رئیس دبیرخانه</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>دبیر</translation>
    </message>
    <message>
        <source>Secretariat telephone</source>
        <translation>تلفن دبیرخانه</translation>
    </message>
    <message>
        <source>Details received</source>
        <translation>دریافت مشخصات</translation>
    </message>
    <message>
        <source>Liaison of the chosen province</source>
        <translation>نمایندهٔ ارتباطی استان انتخاب‌شده</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>استان:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>Post:</source>
        <translation>سمت:</translation>
    </message>
    <message>
        <source>Telephone:</source>
        <translation>تلفن:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>رایانامه:</translation>
    </message>
    <message>
        <source>Save the liaison</source>
        <translation>ذخیرهٔ نماینده</translation>
    </message>
    <message>
        <source>The liaison typed for %1 is not saved. Discard it?</source>
        <translation>نمایندهٔ واردشده برای %1 ذخیره نشده است. کنار گذاشته شود؟</translation>
    </message>
    <message>
        <source>Saving the liaison…</source>
        <translation>در حال ذخیرهٔ نماینده…</translation>
    </message>
</context>
</TS>