/// Swedish, the default: every term of the reports, as data (see `Translation`).
extension Translation {
    static let sv = Translation(
        labels: Labels(
            lang: .sv,
            finalReport: "Slutrapport",
            asOf: "Uppgifter per",
            generated: "Skapad",
            projectDetails: "Projektuppgifter",
            caseNumber: "Ärendenummer",
            programmeArea: "Programområde",
            phase: "Projektfas",
            owner: "Projektägare",
            contact: "Kontaktperson",
            region: "Region",
            municipalities: "Kommuner",
            period: "Projektperiod",
            esfGrant: "Beviljat ESF-stöd",
            totalBudget: "Total projektbudget",
            coFinanciers: "Medfinansiärer",
            partners: "Samarbetspartners",
            women: "Kvinnor",
            men: "Män",
            other: "Annat/ej angivet",
            total: "Totalt",
            participants: "Deltagare",
            active: "Aktiva",
            ended: "Avslutade",
            exitReasons: "Avslutsorsaker",
            exitReason: "Avslutsorsak",
            subprojects: "Delprojekt",
            subproject: "Delprojekt",
            groups: "Delprojekt per område",
            group: "Område",
            granted: "Beviljat",
            goals: "Mål och utfall",
            goal: "Mål",
            target: "Målvärde",
            outcome: "Utfall",
            met: "Uppfyllt",
            yes: "Ja",
            no: "Nej",
            ofWhich: "varav",
            source: "Källa",
            metricHeading: "Mått",
            subprojectsCaption: "Deltagare per delprojekt",
            groupsCaption: "Deltagare per område",
            groupsGrantedCaption: "Deltagare och beviljade medel per område",
            goalsCaption: "Mål, målvärden och utfall",
            ageCaption: "Deltagare efter ålder vid start",
            ageBand: "Ålder",
            ageUnknown: "Uppgift saknas",
            durationsCaption: "Tid i projektet för avslutade deltagare",
            medianDays: "Median, dagar",
            activities: "Aktiviteter",
            activity: "Aktivitet",
            activitiesCaption: "Deltagare per aktivitet",
            budget: "Budget",
            budgetCaption: "Budget per post",
            budgetLine: "Post",
            amount: "Belopp",
            exitsChartTitle: "Avslutsorsaker efter kön, andel av avslutade",
            subprojectsChartTitle: "Deltagare per delprojekt efter kön",
            goalsChartTitle: "Mål: utfall mot målvärde",
            hiddenCount: "dolt",
            metText: "uppfyllt",
            notMetText: "ej uppfyllt",
            indexTitle: "Slutrapporter",
            indexProject: "Projekt",
            indexPositive: "Till arbete eller studier",
            indexGoals: "Mål uppfyllda",
            indexReports: "Rapporter",
            indexFailed: "fel i indata; inte byggd",
            indexNotWritten: "kunde inte skrivas",
            indexEarlier: "tidigare version",
            indexCaption: "Projekt med nyckeltal",
            page: "Sida",
            pageOf: "av"
        ),
        phrases: Phrases(
            participantsCaption: "Deltagare efter kön",
            participantsInCaption: { "Deltagare i \($0) efter kön" },
            exitsCaption: "Avslutsorsaker efter kön",
            exitsInCaption: { "Avslutsorsaker i \($0) efter kön" },
            groupExitsCaption: { "Avslutsorsaker i området \($0) efter kön" },
            activitiesNote: "Andelar avser deltagare i samma kolumn; en deltagare kan ha flera aktiviteter.",
            suppressionNote: { n in
                "Antal under \(n) visas som <\(n), och .. står för ett antal som döljs för att de små inte ska kunna räknas fram ur summorna; andelar av dolda antal visas inte."
            },
            fewerThan: { "färre än \($0)" },
            protectedNote: { hidden, n in
                (hidden == 0 ? "Inga andra antal behövde döljas för att skydda de små."
                    : hidden == 1 ? "1 antal döljs för att skydda de små." : "\(hidden) antal döljs för att skydda de små.")
                    + (n == 2 ? " Med gränsen 2 kan <2 bara betyda 1." : "")
            },
            goalNotShown: "visas inte (för få personer)",
            of: { "\($0) av \($1)" },
            sharesNote: "Andelar avser avslutade deltagare i samma kolumn och avrundas var för sig; summan kan därför avvika från 100 %.",
            lateStartersNote: { n, _, asOf in "\(n) deltagare som börjar efter \(asOf) räknas inte med." },
            countsSourceNote: "Siffrorna bygger på sammanräknade uppgifter (antal per delprojekt, kön och avslutsorsak); ålder, aktiviteter och tid i projektet redovisas därför inte.",
            noParticipantData: "Rapporten innehåller inga deltagaruppgifter; målen visas med sina målvärden.",
            metricParticipants: "antal deltagare",
            metricExitShare: "andel av avslutade",
            metricActivityShare: "andel av deltagare",
            metricReported: "rapporterat värde",
            notReported: "ej rapporterat",
            notReportedNote: { n, all, reported in
                reported == 0 ? "Inget av de \(all) delprojekten har rapporterat." :
                "\(n) av \(all) delprojekt har inte rapporterat; summorna avser \(reported == 1 ? "det som" : "de \(reported) som") rapporterade."
            },
            timeline: TimelineTexts(
                heading: "Över tid",
                quarterCaption: "Deltagare per kvartal",
                quarter: "Kvartal",
                quarterName: { year, q in "\(year) kv. \(q)" },
                started: "Startade",
                cumulative: "Startade totalt",
                quarterNote: "Startade och avslutade under kvartalet; aktiva och startade totalt vid kvartalets sista dag, för det sista kvartalet vid rapportdatum.",
                chartTitle: "Deltagare per månad: startade totalt och aktiva",
                goalLine: { "Mål: \($0) deltagare" }
            ),
            breakdowns: BreakdownTexts(
                heading: "Fördelningar",
                category: "Kategori",
                notStated: "Uppgift saknas",
                sharesNote: "Andelar avser deltagare i samma kolumn och avrundas var för sig.",
                multipleNote: "En deltagare kan räknas under flera värden; andelarna kan därför summera till mer än 100 %.",
                sensitiveSuppressionNote: { n in
                    "Känsliga uppgifter (som funktionsnedsättning eller tillhörighet till en minoritet) redovisas alltid med gränsen \(n): antal under \(n) visas som <\(n), och .. står för ett antal som döljs för att skydda dem."
                },
                esfHeading: "ESF+-indikatorer",
                outputCaption: "Utfallsindikatorer (deltagare vid start)",
                resultCaption: "Resultatindikatorer (vid avslut)",
                indicator: "Indikator",
                outputNote: "Deltagare som räknas, efter uppgifterna vid start och åldern vid start. Indikatorerna är de gemensamma indikatorerna för deltagare i förordning (EU) 2021/1057, bilaga I.",
                resultNote: "Avslutade deltagare, efter avslutsorsaken och uppgiften om kvalifikation vid avslut.",
                // Meant as the Swedish text of Regulation (EU) 2021/1057, Annex I; not yet checked
                // against the Swedish Official Journal (the English wording is, in Translation+en).
                indicatorName: { indicator in
                    switch indicator {
                    case .total: "Totalt antal deltagare"
                    case .unemployed: "Arbetslösa, inklusive långtidsarbetslösa"
                    case .longTermUnemployed: "Långtidsarbetslösa"
                    case .inactive: "Ekonomiskt inaktiva"
                    case .employed: "Anställda, inklusive egenföretagare"
                    case .below18: "Antal barn under 18 år"
                    case .age18to29: "Unga mellan 18 och 29 år"
                    case .age55Plus: "Antal deltagare som är 55 år eller äldre"
                    case .isced02: "Med högst grundskoleutbildning (Isced 0–2)"
                    case .isced34: "Med gymnasieutbildning (Isced 3) eller eftergymnasial utbildning (Isced 4)"
                    case .isced58: "Med högskoleutbildning (Isced 5–8)"
                    case .disability: "Deltagare med funktionsnedsättning"
                    case .thirdCountryNational: "Tredjelandsmedborgare"
                    case .foreignBackground: "Deltagare med utländsk bakgrund"
                    case .minority: "Minoriteter (inklusive marginaliserade grupper såsom romer)"
                    case .homeless: "Hemlösa eller personer som drabbats av utestängning från bostadsmarknaden"
                    case .rural: "Deltagare från landsbygdsområden"
                    case .jobSearching: "Deltagare som söker arbete när de lämnar insatsen"
                    case .educationTraining: "Deltagare i utbildning när de lämnar insatsen"
                    case .qualification: "Deltagare som erhåller en kvalifikation när de lämnar insatsen"
                    case .employment: "Deltagare som har ett arbete, inklusive egenföretagare, när de lämnar insatsen"
                    }
                },
                groupNotStated: { group in
                    let topic = switch group {
                    case "labour_status": "arbetsmarknadsstatus"
                    case "age": "ålder (inget födelseår)"
                    case "education": "utbildningsnivå"
                    case "disability": "funktionsnedsättning"
                    case "third_country_national": "medborgarskap"
                    case "foreign_background": "utländsk bakgrund"
                    case "minority": "minoritet"
                    case "homeless": "bostadssituation"
                    case "rural": "boende på landsbygden"
                    case "qualification": "kvalifikation"
                    default: group
                    }
                    return "Uppgift saknas om \(topic)"
                }
            )
        ),
        sections: SectionTitles(
            summary: "Sammanfattning",
            background: "Bakgrund",
            purpose: "Syfte",
            idea: "Projektidé och förväntade resultat",
            method: "Arbetssätt och metod",
            results: "Resultat, mål och indikatorer",
            equality: "Jämställdhet, tillgänglighet och icke-diskriminering",
            transnational: "Transnationellt samarbete",
            dissemination: "Kommunikation och spridning",
            evaluation: "Uppföljning och utvärdering",
            implementation: "Användande av resultat och implementering",
            nextSteps: "Behov av fortsatt utvecklingsarbete"
        ),
        exitReasons: ExitReasonLabels(
            arbete: "Arbete",
            studier: "Studier",
            avbrutit: "Avbrutit",
            annanOrsak: "Annan orsak",
            fullfoljt: "Fullföljt projektet"
        ),
        numbers: NumberFormat(groupSeparator: "\u{00A0}", decimalMark: ",", percentSeparator: "\u{00A0}"),
        languageTag: "sv-SE"
    )
}
