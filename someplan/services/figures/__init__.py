"""Key figures: reading the analytics exports of the networks (files, columns), importing them
into posts and channels (importer), and the figures over a period (report)."""
