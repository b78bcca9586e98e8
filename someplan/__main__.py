from someplan.cli import main

raise SystemExit(main())
