/// The goals as the gate lets them be shown, in every report and in the
/// batch index alike: an outcome whose count or denominator is hidden is
/// hidden, and so is whether the goal was met (met / not met would bound
/// the hidden count; the index's "goals met" counts only those shown).
extension Figures {
    public func visibleGoals() -> [GoalOutcome] {
        let suppression = self.suppression
        typealias Cell = Suppression.Cell
        return goals.enumerated().map { k, o in
            var o = o
            let scope: Suppression.Scope = o.goal.subproject.map { .subproject($0) } ?? .project
            for i in o.byGender.indices where suppression.isHidden(Cell(scope, .participants, o.byGender[i].gender)) {
                o.byGender[i].outcome = nil
                o.byGender[i].met = nil
            }
            // Met / not met of a goal with gender targets says whether each gender reached its own.
            if o.byGender.contains(where: { $0.outcome == nil }) { o.met = nil }
            let hide: Bool = switch o.goal.metric {
            case .participants: suppression.isHidden(Cell(scope, .participants, nil))
            case .exitShare: suppression.isHidden(Cell(scope, .goal(k), nil)) || suppression.isHidden(Cell(scope, .ended, nil))
            case .activityShare, .breakdownShare:
                suppression.isHidden(Cell(scope, .goal(k), nil)) || suppression.isHidden(Cell(scope, .participants, nil))
            case .reported: false
            }
            if hide {
                o.outcome = nil
                o.met = nil
            }
            return o
        }
    }
}
