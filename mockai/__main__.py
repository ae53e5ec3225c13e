from mockai.cli import main

raise SystemExit(main())
