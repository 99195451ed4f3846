<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>ChartsBoard</name>
    <message>
        <source>Reading the figures…</source>
        <translation>در حال خواندن ارقام…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>نمای کلی</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>نمودارها</translation>
    </message>
    <message>
        <source>The charts could not be read: %1</source>
        <translation>خواندن داده‌های نمودارها ممکن نشد: %1</translation>
    </message>
    <message>
        <source>Dossiers by state, along the programme's steps</source>
        <translation>پرونده‌ها بر پایهٔ وضعیت، در مسیر گام‌های برنامه</translation>
    </message>
    <message>
        <source>Along the steps</source>
        <translation>در مسیر گام‌ها</translation>
    </message>
    <message>
        <source>Returned or rejected</source>
        <translation>برگشتی یا ردشده</translation>
    </message>
    <message>
        <source>central</source>
        <translation>مرکز</translation>
    </message>
    <message>
        <source>provincial</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Scores (%1) against the threshold</source>
        <translation>امتیازها (%1) در برابر حد نصاب</translation>
    </message>
    <message>
        <source>Ranked</source>
        <translation>دارای رتبه</translation>
    </message>
    <message>
        <source>Not ranked (returned, rejected, in review)</source>
        <translation>بدون رتبه (برگشتی، ردشده یا در دست بررسی)</translation>
    </message>
    <message>
        <source>Threshold %1</source>
        <translation>حد نصاب %1</translation>
    </message>
    <message>
        <source>%1 of %2 scored dossiers at or above the threshold</source>
        <translation>%1 پرونده از %2 پروندهٔ دارای امتیاز، هم‌تراز یا بالاتر از حد نصاب</translation>
    </message>
    <message>
        <source>Scores %1 to %2</source>
        <translation>امتیاز %1 تا %2</translation>
    </message>
    <message>
        <source>ranked: %1</source>
        <translation>دارای رتبه: %1</translation>
    </message>
    <message>
        <source>not ranked: %1</source>
        <translation>بدون رتبه: %1</translation>
    </message>
    <message>
        <source>Dossiers per month (Jalali calendar)</source>
        <translation>پرونده‌ها در هر ماه (تقویم هجری شمسی)</translation>
    </message>
    <message>
        <source>Dossiers and approvals by province</source>
        <translation>پرونده‌ها و تأییدها به تفکیک استان</translation>
    </message>
    <message>
        <source>Dossiers at the centre</source>
        <translation>پرونده‌های مرکز</translation>
    </message>
    <message>
        <source>Approved (final list)</source>
        <translation>تأییدشده (فهرست نهایی)</translation>
    </message>
    <message>
        <source>Click a province's bar to list its dossiers.</source>
        <translation>با کلیک بر میلهٔ هر استان، فهرست پرونده‌های آن باز می‌شود.</translation>
    </message>
    <message>
        <source>Dossiers: %1</source>
        <translation>پرونده‌ها: %1</translation>
    </message>
    <message>
        <source>Approved: %1</source>
        <translation>تأییدشده: %1</translation>
    </message>
    <message>
        <source>Development programmes: actuals against targets (F14)</source>
        <translation>طرح‌های توسعه: عملکرد در برابر هدف (F14)</translation>
    </message>
    <message>
        <source>Achieved, % of target</source>
        <translation>تحقق، درصد از هدف</translation>
    </message>
    <message>
        <source>Target (100%)</source>
        <translation>هدف (۱۰۰٪)</translation>
    </message>
    <message>
        <source>No programme has reported actuals yet.</source>
        <translation>هنوز هیچ طرحی مقدار واقعی گزارش نکرده است.</translation>
    </message>
    <message>
        <source>%1 (%2): target %3, actual %4 %5</source>
        <translation>%1 (%2): هدف %3، واقعی %4 %5</translation>
    </message>
    <message>
        <source>Achieved: %1%</source>
        <translation>تحقق: %1٪</translation>
    </message>
</context>
</TS>