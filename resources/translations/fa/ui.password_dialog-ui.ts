<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Your password</source>
        <translation>گذرواژهٔ شما</translation>
    </message>
</context>
</TS>