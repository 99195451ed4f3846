<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>LicenseVerifyDialog</name>
    <message>
        <source>Verify a license</source>
        <translation>بررسی اصالت پروانه</translation>
    </message>
    <message>
        <source>Paste the text of the license's QR code, or open a license PDF printed by this application. The check is made offline with the Trade Promotion Organization's key.</source>
        <translation>متن رمزینهٔ QR پروانه را وارد کنید یا پروندهٔ PDF پروانه‌ای را که این سامانه چاپ کرده است بگشایید. بررسی بدون اینترنت و با کلید سازمان توسعه تجارت ایران انجام می‌شود.</translation>
    </message>
    <message>
        <source>QR code text (CDL1.…)</source>
        <translation>متن رمزینهٔ QR (CDL1.…)</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>بررسی</translation>
    </message>
    <message>
        <source>Open PDF…</source>
        <translation>گشودن PDF…</translation>
    </message>
</context>
</TS>