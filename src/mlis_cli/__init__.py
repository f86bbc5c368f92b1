"""mlis: can I work as a librarian in that country with my library degree?"""

__version__ = "0.1.0"
