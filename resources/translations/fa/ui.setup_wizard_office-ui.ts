<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>SetupOfficePage</name>
    <message>
        <source>Office</source>
        <translation>دفتر</translation>
    </message>
    <message>
        <source>This computer becomes the office of the export-cluster programme for one secretariat: the Trade Promotion Organization in Tehran, or a provincial commerce organization. Choose which.</source>
        <translation>این رایانه دفتر برنامهٔ توسعهٔ خوشه‌های صادرات‌گرا برای یک دبیرخانه می‌شود: سازمان توسعه تجارت ایران در تهران یا سازمان بازرگانی یک استان. یکی را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Office kind:</source>
        <translation>نوع دفتر:</translation>
    </message>
    <message>
        <source>Provincial commerce organization</source>
        <translation>سازمان بازرگانی استان</translation>
    </message>
    <message>
        <source>Trade Promotion Organization of Iran (centre)</source>
        <translation>سازمان توسعه تجارت ایران (مرکز)</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>استان:</translation>
    </message>
</context>
</TS>