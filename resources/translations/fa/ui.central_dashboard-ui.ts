<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>CentralDashboardView</name>
    <message>
        <source>National dashboard</source>
        <translation>پیشخوان ملی</translation>
    </message>
    <message>
        <source>Dossiers at the centre</source>
        <translation>پرونده‌های مرکز</translation>
    </message>
    <message>
        <source>Waiting for the central working group</source>
        <translation>در انتظار کارگروه مرکز</translation>
    </message>
    <message>
        <source>Approved, waiting for the databank</source>
        <translation>تأییدشده، در انتظار ثبت در بانک اطلاعات</translation>
    </message>
    <message>
        <source>Registered, waiting for a license</source>
        <translation>ثبت‌شده، در انتظار پروانه</translation>
    </message>
    <message>
        <source>Valid licenses</source>
        <translation>پروانه‌های معتبر</translation>
    </message>
    <message>
        <source>On the centre's initial list</source>
        <translation>در لیست اولیهٔ مرکز</translation>
    </message>
    <message>
        <source>Development programmes waiting for the group</source>
        <translation>طرح‌های توسعه‌ای در انتظار کارگروه</translation>
    </message>
    <message>
        <source>Central working-group members</source>
        <translation>اعضای کارگروه مرکز</translation>
    </message>
    <message>
        <source>Provinces: dossiers and bundles</source>
        <translation>استان‌ها: پرونده‌ها و بسته‌ها</translation>
    </message>
    <message>
        <source>Bundles: how many were imported from the province, the last sequence number and when it was imported. Decisions: the last decision bundle sent to the province and the last one it acknowledged.</source>
        <translation>بسته‌ها: شمار بسته‌های دریافت‌شده از استان، آخرین شماره ترتیب و زمان دریافت آن. تصمیم‌ها: آخرین بستهٔ تصمیم‌های ارسالی به استان و آخرین بسته‌ای که استان دریافت آن را تأیید کرده است.</translation>
    </message>
    <message>
        <source>Waiting for the central working group (F6-1)</source>
        <translation>در انتظار کارگروه مرکز (⁦F6-1⁩)</translation>
    </message>
    <message>
        <source>Go to the secondary review</source>
        <translation>رفتن به بررسی ثانویه</translation>
    </message>
    <message>
        <source>Latest meetings of the central working group (F1)</source>
        <translation>آخرین جلسه‌های کارگروه مرکز (F1)</translation>
    </message>
    <message>
        <source>Working group, members and minutes</source>
        <translation>کارگروه، اعضا و صورتجلسه‌ها</translation>
    </message>
</context>
</TS>