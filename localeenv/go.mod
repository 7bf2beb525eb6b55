module env.journeycanvas/localeenv

go 1.24
