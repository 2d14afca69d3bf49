"""One module per notebook that needs numerics of its own, named by the notebook's key.

``lecture_lib.registry`` maps each notebook number to its key; ``topics/<key>.py`` holds
what that one notebook needs (its experiments, its readouts), ``plots/<key>.py`` its
figures and ``checks/<key>.py`` its exercise checks. A topic module imports the shared
core (the modules at the top of ``lecture_lib``) and never another topic: what two
notebooks need moves up to the core.
"""
