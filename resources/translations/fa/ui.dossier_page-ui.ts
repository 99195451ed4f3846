<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>DossierPage</name>
    <message>
        <source>Dossier</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>چاپ</translation>
    </message>
    <message>
        <source>Print this dossier&apos;s documents: nomination form, feasibility plan, evaluation sheets, license</source>
        <translation>چاپ اسناد این پرونده: فرم معرفی، طرح توجیهی، برگه‌های ارزیابی، پروانه</translation>
    </message>
</context>
</TS>
