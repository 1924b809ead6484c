/// English: every term of the reports, as data (see `Translation`).
extension Translation {
    static let en = Translation(
        labels: Labels(
            lang: .en,
            finalReport: "Final report",
            asOf: "Figures as of",
            generated: "Generated",
            projectDetails: "Project details",
            caseNumber: "Case number",
            programmeArea: "Programme area",
            phase: "Phase",
            owner: "Project owner",
            contact: "Contact",
            region: "Region",
            municipalities: "Municipalities",
            period: "Project period",
            esfGrant: "ESF grant",
            totalBudget: "Total budget",
            coFinanciers: "Co-financiers",
            partners: "Partners",
            women: "Women",
            men: "Men",
            other: "Other/not stated",
            total: "Total",
            participants: "Participants",
            active: "Active",
            ended: "Ended",
            exitReasons: "Exit reasons",
            exitReason: "Exit reason",
            subprojects: "Subprojects",
            subproject: "Subproject",
            groups: "Subprojects by area",
            group: "Area",
            granted: "Granted",
            goals: "Goals and outcomes",
            goal: "Goal",
            target: "Target",
            outcome: "Outcome",
            met: "Met",
            yes: "Yes",
            no: "No",
            ofWhich: "of whom",
            source: "Source",
            metricHeading: "Measure",
            subprojectsCaption: "Participants per subproject",
            groupsCaption: "Participants per area",
            groupsGrantedCaption: "Participants and grants per area",
            goalsCaption: "Goals, targets and outcomes",
            ageCaption: "Participants by age at start",
            ageBand: "Age",
            ageUnknown: "Not known",
            durationsCaption: "Time in the project of ended participants",
            medianDays: "Median, days",
            activities: "Activities",
            activity: "Activity",
            activitiesCaption: "Participants per activity",
            budget: "Budget",
            budgetCaption: "Budget by line",
            budgetLine: "Line",
            amount: "Amount",
            exitsChartTitle: "Exit reasons by gender, share of those who ended",
            subprojectsChartTitle: "Participants per subproject by gender",
            goalsChartTitle: "Goals: outcome against target",
            hiddenCount: "hidden",
            metText: "met",
            notMetText: "not met",
            indexTitle: "Final reports",
            indexProject: "Project",
            indexPositive: "To work or studies",
            indexGoals: "Goals met",
            indexReports: "Reports",
            indexFailed: "input errors; not built",
            indexNotWritten: "could not be written",
            indexEarlier: "earlier version",
            indexCaption: "Projects with key figures",
            page: "Page",
            pageOf: "of"
        ),
        phrases: Phrases(
            participantsCaption: "Participants by gender",
            participantsInCaption: { "Participants in \($0) by gender" },
            exitsCaption: "Exit reasons by gender",
            exitsInCaption: { "Exit reasons in \($0) by gender" },
            groupExitsCaption: { "Exit reasons in the area \($0) by gender" },
            activitiesNote: "Shares are of participants in the same column; a participant may take part in several activities.",
            suppressionNote: { n in
                "Counts below \(n) are shown as <\(n), and .. marks a count hidden so that the small ones cannot be worked out from the totals; shares of hidden counts are not shown."
            },
            fewerThan: { "fewer than \($0)" },
            protectedNote: { hidden, n in
                (hidden == 0 ? "No other count had to be hidden to protect the small ones."
                    : hidden == 1 ? "1 count is hidden to protect the small ones." : "\(hidden) counts are hidden to protect the small ones.")
                    + (n == 2 ? " With the limit 2, <2 can only mean 1." : "")
            },
            goalNotShown: "not shown (too few people)",
            of: { "\($0) of \($1)" },
            sharesNote: "Shares are of ended participants in the same column and rounded one by one, so they may not add up to 100%.",
            lateStartersNote: { n, plural, asOf in "\(n) participant\(plural ? "s" : "") starting after \(asOf) \(plural ? "are" : "is") not counted." },
            countsSourceNote: "The figures come from tallies (counts per subproject, gender and exit reason); age, activities and time in the project are therefore not shown.",
            noParticipantData: "The report holds no participant data; goals are shown with their targets.",
            metricParticipants: "number of participants",
            metricExitShare: "share of ended",
            metricActivityShare: "share of participants",
            metricReported: "reported value",
            notReported: "not reported",
            notReportedNote: { n, all, reported in
                reported == 0 ? "None of the \(all) subprojects reported." :
                "\(n) of \(all) subproject\(all == 1 ? "" : "s") did not report; the totals are of \(reported == 1 ? "the one" : "the \(reported)") that did."
            },
            timeline: TimelineTexts(
                heading: "Over time",
                quarterCaption: "Participants by quarter",
                quarter: "Quarter",
                quarterName: { year, q in "\(year) Q\(q)" },
                started: "Started",
                cumulative: "Started in all",
                quarterNote: "Started and ended within the quarter; active and started in all at the quarter's last day, for the last quarter at the as-of date.",
                chartTitle: "Participants by month: started in all and active",
                goalLine: { "Goal: \($0) participants" }
            ),
            breakdowns: BreakdownTexts(
                heading: "Breakdowns",
                category: "Category",
                notStated: "Not stated",
                sharesNote: "Shares are of participants in the same column, each rounded on its own.",
                multipleNote: "A participant can count under several values, so the shares may add up to more than 100%.",
                sensitiveSuppressionNote: { n in
                    "Sensitive data (such as disability or belonging to a minority) is always shown with a limit of \(n): counts below \(n) are shown as <\(n), and .. marks a count hidden to protect them."
                },
                esfHeading: "ESF+ indicators",
                outputCaption: "Output indicators (participants on entry)",
                resultCaption: "Result indicators (on leaving)",
                indicator: "Indicator",
                outputNote: "Counted participants, by what was recorded on entry and their age at start. The indicators are the common indicators for participants of Regulation (EU) 2021/1057, Annex I.",
                resultNote: "Ended participants, by their exit reason and whether they gained a qualification on leaving.",
                // The wording of Regulation (EU) 2021/1057, Annex I, with a capital first letter.
                indicatorName: { indicator in
                    switch indicator {
                    case .total: "Total number of participants"
                    case .unemployed: "Unemployed, including long-term unemployed"
                    case .longTermUnemployed: "Long-term unemployed"
                    case .inactive: "Inactive"
                    case .employed: "Employed, including self-employed"
                    case .below18: "Number of children below 18 years of age"
                    case .age18to29: "Young people between 18 and 29 years of age"
                    case .age55Plus: "Number of participants of 55 years of age and above"
                    case .isced02: "With lower secondary education or less (ISCED 0-2)"
                    case .isced34: "With upper secondary (ISCED 3) or post-secondary education (ISCED 4)"
                    case .isced58: "With tertiary education (ISCED 5 to 8)"
                    case .disability: "Participants with disabilities"
                    case .thirdCountryNational: "Third-country nationals"
                    case .foreignBackground: "Participants with a foreign background"
                    case .minority: "Minorities (including marginalised communities, such as Roma people)"
                    case .homeless: "Homeless or affected by housing exclusion"
                    case .rural: "Participants from rural areas"
                    case .jobSearching: "Participants engaged in job searching upon leaving"
                    case .educationTraining: "Participants in education or training upon leaving"
                    case .qualification: "Participants gaining a qualification upon leaving"
                    case .employment: "Participants in employment, including self-employment, upon leaving"
                    }
                },
                groupNotStated: { group in
                    let topic = switch group {
                    case "labour_status": "Labour status"
                    case "age": "Age (no birth year)"
                    case "education": "Education"
                    case "disability": "Disability"
                    case "third_country_national": "Citizenship"
                    case "foreign_background": "Foreign background"
                    case "minority": "Minority"
                    case "homeless": "Housing situation"
                    case "rural": "Rural residence"
                    case "qualification": "Qualification"
                    default: group
                    }
                    return "\(topic) not stated"
                }
            )
        ),
        sections: SectionTitles(
            summary: "Summary",
            background: "Background",
            purpose: "Purpose",
            idea: "Project idea and expected results",
            method: "Approach and method",
            results: "Results, goals and indicators",
            equality: "Gender equality, accessibility and non-discrimination",
            transnational: "Transnational cooperation",
            dissemination: "Communication and dissemination",
            evaluation: "Monitoring and evaluation",
            implementation: "Use of results and implementation",
            nextSteps: "Need for further development"
        ),
        exitReasons: ExitReasonLabels(
            arbete: "Employment",
            studier: "Studies",
            avbrutit: "Dropped out",
            annanOrsak: "Other reason",
            fullfoljt: "Completed the project"
        ),
        numbers: NumberFormat(groupSeparator: ",", decimalMark: ".", percentSeparator: ""),
        languageTag: "en-GB"
    )
}
