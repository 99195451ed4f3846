<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>ProgrammeEntryDialog</name>
    <message>
        <source>Programme details</source>
        <translation>جزئیات طرح</translation>
    </message>
    <message>
        <source>Support item</source>
        <translation>قلم حمایتی</translation>
    </message>
    <message>
        <source>Responsible agency</source>
        <translation>دستگاه مسئول</translation>
    </message>
    <message>
        <source>Amount (rial)</source>
        <translation>مبلغ (ریال)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
    <message>
        <source>Amount allocated (rial)</source>
        <translation>مبلغ تخصیص (ریال)</translation>
    </message>
    <message>
        <source>Allocated on</source>
        <translation>تاریخ تخصیص</translation>
    </message>
    <message>
        <source>Letter or document number</source>
        <translation>شمارهٔ نامه یا سند</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>فعالیت</translation>
    </message>
    <message>
        <source>Carried out by</source>
        <translation>مجری</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>تاریخ شروع</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>تاریخ پایان</translation>
    </message>
    <message>
        <source>Progress (percent)</source>
        <translation>پیشرفت (درصد)</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>شاخص</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>واحد</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>مقدار پایه</translation>
    </message>
    <message>
        <source>Period (year or quarter)</source>
        <translation>دوره (سال یا فصل)</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>هدف</translation>
    </message>
    <message>
        <source>Actual (empty if not known yet)</source>
        <translation>عملکرد (اگر هنوز معلوم نیست خالی بماند)</translation>
    </message>
    <message>
        <source>Feedback on the gap</source>
        <translation>بازخورد دربارهٔ فاصله</translation>
    </message>
</context>
</TS>