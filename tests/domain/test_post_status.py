from someplan.domain.post import Status


def test_the_status_steps_back_as_it_steps_forward_and_stops_at_both_ends():
    assert [s.previous() for s in Status] == [Status.IDEA, Status.IDEA, Status.DRAFT, Status.READY, Status.SCHEDULED]
    assert all(s.next().previous() is s for s in Status if s is not Status.PUBLISHED)
    assert Status.PUBLISHED.next() is Status.PUBLISHED and Status.IDEA.previous() is Status.IDEA
